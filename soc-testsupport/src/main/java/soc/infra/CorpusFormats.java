package soc.infra;

/**
 * The format a file of the shared corpus's {@code logs/} tree is declared as when its lines are ingested, from the
 * directory it sits in (the corpus is laid out by format); Zeek TSV logs name their log type ({@code zeek:conn}).
 * One table for every module's corpus tests.
 */
public final class CorpusFormats {
    private CorpusFormats() {
    }

    /** {@code relative}: the path under {@code logs/} with '/' separators; {@code name}: the file name. */
    public static String declared(String relative, String name) {
        if (relative.startsWith("cef/")) {
            return "cef";
        }
        if (relative.startsWith("suricata/")) {
            return "suricata";
        }
        if (relative.startsWith("syslog/")) {
            return "syslog";
        }
        if (relative.startsWith("windows/")) {
            return "windows";
        }
        if (relative.startsWith("zeek/")) {
            return name.endsWith(".json") ? "zeek" : "zeek:" + name.substring(0, name.indexOf('.'));
        }
        return "auto";
    }
}
