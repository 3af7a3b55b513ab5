package soc.ingest.syslog;

/**
 * An ingest token carried in RFC 5424 structured data, for senders whose address is not registered (or shared,
 * e.g. behind NAT or a relay): {@code <13>1 2026-11-23T10:00:00Z host app - - [soc@32473 token="soc_ing_..."] msg}.
 * Only the structured data of an RFC 5424 header is looked at, never the free-text message.
 *
 * @param value the token as presented
 * @param start where the value starts in the message
 * @param end   where it ends (exclusive)
 */
public record SyslogToken(String value, int start, int end) {
    /** The SD-ID of the platform's structured data element (32473 is the example enterprise number of RFC 5612). */
    public static final String SD_ID = "soc@32473";
    private static final int SHOWN_CHARS = 14;

    /** The token in the message's {@code [soc@32473 token="..."]} element, or null if there is none. */
    public static SyslogToken find(String message) {
        try {
            return scan(message);
        } catch (RuntimeException e) {
            return null; // hostile or truncated header: no token
        }
    }

    /** The message with the secret replaced by its displayable prefix, so it never reaches Kafka or an index. */
    public String redact(String message) {
        String shown = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) : "";
        return message.substring(0, start) + shown + "..." + message.substring(end);
    }

    private static SyslogToken scan(String s) {
        // <PRI>1 SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA
        if (s.isEmpty() || s.charAt(0) != '<') {
            return null;
        }
        int i = s.indexOf('>');
        if (i < 2 || i > 4 || !s.startsWith("1 ", i + 1)) {
            return null;
        }
        i += 3;
        for (int field = 0; field < 5; field++) {
            int space = s.indexOf(' ', i);
            if (space < 0) {
                return null;
            }
            i = space + 1;
        }
        while (i < s.length() && s.charAt(i) == '[') {
            int idEnd = i + 1;
            while (idEnd < s.length() && s.charAt(idEnd) != ' ' && s.charAt(idEnd) != ']') {
                idEnd++;
            }
            boolean ours = s.regionMatches(i + 1, SD_ID, 0, SD_ID.length()) && idEnd - i - 1 == SD_ID.length();
            i = idEnd;
            while (i < s.length() && s.charAt(i) == ' ') {
                int eq = s.indexOf('=', i);
                if (eq < 0 || eq + 1 >= s.length() || s.charAt(eq + 1) != '"') {
                    return null;
                }
                String name = s.substring(i + 1, eq);
                int valueStart = eq + 2;
                int j = valueStart;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= s.length()) {
                    return null;
                }
                if (ours && name.equals("token")) {
                    return new SyslogToken(s.substring(valueStart, j), valueStart, j);
                }
                i = j + 1;
            }
            if (i >= s.length() || s.charAt(i) != ']') {
                return null;
            }
            i++;
        }
        return null;
    }
}
