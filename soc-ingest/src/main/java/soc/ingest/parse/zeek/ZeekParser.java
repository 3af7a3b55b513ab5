package soc.ingest.parse.zeek;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.SocEvent;
import soc.ingest.parse.support.Fields;
import soc.ingest.parse.support.Json;
import soc.ingest.parse.support.JsonEventParser;
import soc.ingest.parse.support.ParseException;
import soc.ingest.parse.support.ParseInput;
import soc.ingest.parse.support.Text;

/**
 * Zeek logs, JSON (one object per line, {@code _path} or the declared {@code zeek:<path>} names the log) or TSV.
 *
 * <p>TSV rows are decoded with the header of their file. Because a file arrives line by line, header lines
 * ({@code #separator}, {@code #fields}, {@code #types}, {@code #path}...) are remembered per
 * {@code tenant/source/declared path} in a bounded {@link ZeekHeaderCache} and answered with a rejection whose
 * reason starts with {@value #HEADER_REASON}. A row with no cached header falls back to the built-in default
 * layout of the declared path ({@code zeek:conn}, {@code zeek:modbus}...; chosen by column count), see
 * {@link ZeekDefaults}.
 */
public final class ZeekParser implements JsonEventParser {
    /** Reason prefix for header/comment lines, which are state, not events. */
    public static final String HEADER_REASON = "header line";

    private final ZeekHeaderCache headers;

    public ZeekParser(ZeekHeaderCache headers) {
        this.headers = headers;
    }

    @Override
    public String format() {
        return "zeek";
    }

    /** True when a parsed JSON object looks like a Zeek JSON log line. */
    public static boolean looksLikeZeek(Map<String, Object> o) {
        return o.containsKey("_path") && o.containsKey("ts") || o.containsKey("uid") && o.containsKey("id.orig_h");
    }

    @Override
    public void parse(ParseInput input, SocEvent.Builder event) {
        String text = input.text();
        int first = Text.firstNonBlank(text, 0);
        if (first < text.length() && text.charAt(first) == '{') {
            map(input, Json.readObject(text), event);
        } else if (text.charAt(0) == '#') {
            header(input, text);
        } else {
            row(input, text, event);
        }
    }

    @Override
    public void map(ParseInput input, Map<String, Object> o, SocEvent.Builder event) {
        String path = Fields.str(o.get("_path"));
        if (path == null) {
            path = input.variant().isEmpty() ? "unknown" : input.variant();
        }
        Map<String, Object> flat = Fields.flatten(o);
        flat.remove("_path");
        flat.remove("_write_ts");
        ZeekMapper.map(path, flat, event);
    }

    private static String key(ParseInput input) {
        return input.raw().tenantId() + '\u0000' + input.raw().sourceId() + '\u0000' + input.variant();
    }

    private void header(ParseInput input, String line) {
        String key = key(input);
        if (line.startsWith("#separator")) {
            char separator = separator(line.substring(10).trim());
            headers.update(key, old -> ZeekHeader.DEFAULT.withSeparator(separator));
            throw new ParseException(HEADER_REASON + " #separator recorded");
        }
        ZeekHeader current = headers.get(key);
        char sep = current == null ? '\t' : current.separator();
        int cut = line.indexOf(sep);
        String directive = cut < 0 ? line.trim() : line.substring(0, cut);
        String value = cut < 0 ? "" : line.substring(cut + 1);
        switch (directive) {
            case "#set_separator" -> headers.update(key, h -> h.withSetSeparator(unescape(value)));
            case "#empty_field" -> headers.update(key, h -> h.withEmptyField(value));
            case "#unset_field" -> headers.update(key, h -> h.withUnsetField(value));
            case "#path" -> headers.update(key, h -> h.withPath(value));
            case "#fields" -> headers.update(key, h -> h.withFields(split(value, h.separator())).withTypes(null));
            case "#types" -> headers.update(key, h -> h.withTypes(split(value, h.separator())));
            default -> {
                // #open, #close, comments such as "### BTest baseline data": nothing to remember
            }
        }
        throw new ParseException(HEADER_REASON + " " + Text.abbreviate(directive, 20) + (
                directive.equals("#fields") || directive.equals("#types") || directive.equals("#path")
                        || directive.equals("#set_separator") || directive.equals("#empty_field")
                        || directive.equals("#unset_field") ? " recorded" : " ignored"));
    }

    private static char separator(String spec) {
        if (spec.startsWith("\\x") && spec.length() == 4) {
            try {
                return (char) Integer.parseInt(spec.substring(2), 16);
            } catch (NumberFormatException e) {
                return '\t';
            }
        }
        return spec.isEmpty() ? '\t' : spec.charAt(0);
    }

    private void row(ParseInput input, String line, SocEvent.Builder event) {
        ZeekHeader header = headers.get(key(input));
        String[] values = split(line, header != null ? header.separator() : '\t');
        if (header == null || header.fields() == null) {
            ZeekHeader fallback = ZeekDefaults.forPath(input.variant(), values.length);
            if (fallback == null) {
                throw new ParseException("TSV row without a #fields header for this source; send the file's header"
                        + " lines first or declare the format as zeek:<path>"
                        + (input.variant().isEmpty() ? "" : " (no built-in layout for '" + input.variant()
                        + "' with " + values.length + " columns)"));
            }
            header = fallback;
        }
        String[] fields = header.fields();
        if (values.length != fields.length) {
            throw new ParseException("TSV row has " + values.length + " columns, #fields declares " + fields.length);
        }
        String[] types = header.types();
        Map<String, Object> record = new LinkedHashMap<>(fields.length * 2);
        for (int i = 0; i < fields.length; i++) {
            String raw = values[i];
            if (raw.equals(header.unsetField())) {
                continue;
            }
            String type = types != null && i < types.length ? types[i] : "string";
            record.put(fields[i], convert(raw, type, header));
        }
        String path = header.path() != null ? header.path()
                : input.variant().isEmpty() ? "unknown" : input.variant();
        ZeekMapper.map(path, record, event);
    }

    private static Object convert(String raw, String type, ZeekHeader header) {
        if (type.startsWith("set[") || type.startsWith("vector[")) {
            List<Object> list = new ArrayList<>();
            if (raw.equals(header.emptyField())) {
                return list;
            }
            String element = type.substring(type.indexOf('[') + 1, Math.max(type.indexOf('[') + 1, type.length() - 1));
            String setSeparator = header.setSeparator();
            int i = 0;
            while (i <= raw.length()) {
                int next = setSeparator.isEmpty() ? -1 : raw.indexOf(setSeparator, i);
                int end = next < 0 ? raw.length() : next;
                list.add(convert(raw.substring(i, end), element, header));
                if (next < 0) {
                    break;
                }
                i = next + setSeparator.length();
            }
            return list;
        }
        switch (type) {
            case "count", "int", "port" -> {
                Long v = Text.parseLong(raw);
                return v != null ? v : raw;
            }
            case "double", "interval" -> {
                try {
                    return Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            case "bool" -> {
                return raw.equals("T") ? Boolean.TRUE : raw.equals("F") ? Boolean.FALSE : raw;
            }
            default -> {
                return raw.equals(header.emptyField()) ? "" : unescape(raw);
            }
        }
    }

    /** Splits on a single character without regular expressions, keeping empty fields. */
    static String[] split(String line, char separator) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        out[k] = line.substring(start);
        return out;
    }

    /** Decodes Zeek's {@code \xHH} escapes. */
    static String unescape(String s) {
        int i = s.indexOf("\\x");
        if (i < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, i);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 4 <= s.length() && s.charAt(i + 1) == 'x' && isHex(s.charAt(i + 2))
                    && isHex(s.charAt(i + 3))) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return Text.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
