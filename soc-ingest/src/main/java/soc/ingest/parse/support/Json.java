package soc.ingest.parse.support;

import java.util.Map;

import soc.events.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON object reading with short, located error reasons ({@code Unexpected character ... at column 12}). */
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
