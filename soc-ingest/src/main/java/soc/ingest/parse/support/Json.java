package soc.ingest.parse.support;

import java.util.Map;

import soc.events.EventJson;
import soc.events.JsonTree;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON object reading with short, located error reasons ({@code Unexpected character ... at column 12}).
 *
 * <p>Plain valid objects (nearly all events) are read by {@link JsonScanner} from the line's characters. What
 * it leaves to Jackson (see there) is read by {@link JsonTree}, a small tree builder on Jackson's streaming parser (same parser,
 * features and read constraints as the platform codec), which is markedly cheaper than data binding to
 * {@code Map} and yields exactly the same values: {@code LinkedHashMap} objects (a repeated key keeps its first
 * position and the last value), {@code ArrayList} arrays, {@code String},
 * {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} and {@code null}. Invalid input
 * is re-read with data binding only to produce the same rejection reason as before.
 */
public final class Json {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper MAPPER = EventJson.mapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Parses one JSON object, or throws {@link ParseException} with a located reason. */
    public static Map<String, Object> readObject(String text) {
        int first = Text.firstNonBlank(text, 0);
        if (first >= text.length()) {
            throw new ParseException("empty payload");
        }
        if (text.charAt(first) != '{') {
            throw new ParseException("not a JSON object (starts with '" + Text.printable(text.charAt(first)) + "')");
        }
        Map<String, Object> scanned = JsonScanner.read(text);
        if (scanned != null) {
            return scanned;
        }
        try {
            return readTree(text);
        } catch (JacksonException | ParseException fast) {
            // fall through: data binding reports the error (and would accept anything the fast path could not)
        }
        try {
            Map<String, Object> map = MAPPER.readValue(text, MAP);
            if (map == null) {
                throw new ParseException("not a JSON object");
            }
            return map;
        } catch (JacksonException e) {
            throw new ParseException(reason(e));
        }
    }

    /** The Jackson tree builder alone (the reference {@link JsonScanner} must agree with; tests compare them). */
    static Map<String, Object> readTree(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            Map<String, Object> root = JsonTree.readObject(parser, true);
            if (root == null) {
                throw new ParseException("not a JSON object, or trailing tokens");
            }
            return root;
        } catch (IllegalStateException e) {
            throw new ParseException(e.getMessage());
        }
    }

    static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        message = Text.abbreviate(message, 160);
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getColumnNr() > 0) {
            message = message + (location.getLineNr() > 1 ? " at line " + location.getLineNr() + "," : " at")
                    + " column " + location.getColumnNr();
        }
        return message;
    }
}
