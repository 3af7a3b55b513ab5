package soc.ingest.parse.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import soc.events.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON object reading with short, located error reasons ({@code Unexpected character ... at column 12}).
 *
 * <p>Plain valid objects (nearly all events) are read by {@link JsonScanner} from the line's characters. What
 * it leaves to Jackson (see there) is read by a small tree builder on Jackson's streaming parser (same parser,
 * features and read constraints as the platform codec), which is markedly cheaper than data binding to
 * {@code Map} and yields exactly the same values: {@link LinkedHashMap} objects (a repeated key keeps its first
 * position and the last value), {@link ArrayList} arrays, {@code String},
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
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ParseException("not a JSON object");
            }
            Map<String, Object> root = object(parser, new LinkedHashMap<>(64));
            if (parser.nextToken() != null) {
                throw new ParseException("trailing tokens");
            }
            return root;
        }
    }

    /** Reads the members of an object whose START_OBJECT is the current token, up to its END_OBJECT. */
    private static Map<String, Object> object(JsonParser parser, Map<String, Object> map) {
        String name;
        while ((name = parser.nextName()) != null) {
            map.put(name, value(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new ParseException("unexpected token");
        }
        return map;
    }

    private static List<Object> array(JsonParser parser) {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ParseException("unexpected end of input");
            }
            list.add(value(parser, token));
        }
        return list;
    }

    private static Object value(JsonParser parser, JsonToken token) {
        if (token == null) {
            throw new ParseException("unexpected end of input");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case START_OBJECT -> object(parser, new LinkedHashMap<>());
            case START_ARRAY -> array(parser);
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL
                    ? parser.getDecimalValue()
                    : parser.getNumberTypeFP() == JsonParser.NumberTypeFP.FLOAT32
                    ? (Object) parser.getFloatValue()
                    : (Object) parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new ParseException("unexpected token " + token);
        };
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
