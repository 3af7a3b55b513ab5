package soc.detect.rules;

import java.util.List;

import soc.events.Severity;

/** Rules shipped with the platform itself, independent of any rule pack. */
public final class BuiltInRules {
    public static final String AUTHOR = "SOC platform team";

    /** Credential-dumping tooling named anywhere in a command line, message or original event. */
    public static final KeywordRule CREDENTIAL_DUMPING_TOOL = new KeywordRule(
            "soc-builtin-credential-dumping-tool",
            "Credential dumping tool mentioned",
            AUTHOR,
            Severity.HIGH,
            List.of("T1003"),
            List.of("process.command_line", "message", "event.original"),
            List.of("mimikatz", "sekurlsa::", "lsadump::"));

    private BuiltInRules() {
    }

    public static List<DetectionRule> all() {
        return List.of(CREDENTIAL_DUMPING_TOOL);
    }
}
