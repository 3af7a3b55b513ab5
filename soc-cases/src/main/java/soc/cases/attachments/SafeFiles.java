package soc.cases.attachments;

import java.util.Locale;
import java.util.Set;

/** File names and content types of uploads made safe to store and to serve back. Plain Java. */
public final class SafeFiles {
    /** Types served back as themselves; anything else is served as application/octet-stream. */
    private static final Set<String> INERT_TYPES = Set.of("text/plain", "text/csv", "application/pdf", "image/png",
            "image/jpeg", "image/gif", "application/json", "application/zip", "application/gzip",
            "application/vnd.tcpdump.pcap", "message/rfc822");
    private static final int MAX_NAME = 255;

    private SafeFiles() {
    }

    /**
     * The last path segment of the uploaded name, without control characters, quotes, slashes or backslashes, at most
     * 255 characters, never empty.
     */
    public static String filename(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (!Character.isISOControl(cp) && cp != '"' && cp != '\'' && cp != '<' && cp != '>' && cp != ';'
                    && !Character.isWhitespace(cp) || cp == ' ') {
                clean.appendCodePoint(cp);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isBlank()) {
            result = "evidence.bin";
        }
        return result.length() > MAX_NAME ? result.substring(result.length() - MAX_NAME) : result;
    }

    /** The declared type if it is one of a few inert ones (parameters dropped), else application/octet-stream. */
    public static String contentType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return INERT_TYPES.contains(base) ? base : "application/octet-stream";
    }
}
