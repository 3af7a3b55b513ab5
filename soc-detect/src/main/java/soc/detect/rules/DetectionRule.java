package soc.detect.rules;

import java.util.List;

import soc.events.Severity;
import soc.events.SocEvent;

/** A single-event detection rule. Implementations are plain, thread-safe and side-effect free. */
public interface DetectionRule {
    String id();

    String title();

    /** Kept on every alert: Sigma rules are shared under DRL 1.1, which requires attribution. */
    String author();

    Severity severity();

    /** MITRE ATT&amp;CK technique ids. */
    List<String> techniques();

    boolean matches(SocEvent event);
}
