package soc.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A small tree builder on Jackson's streaming parser: one JSON object read into plain Java values, exactly what data
 * binding to {@code Map} gives ({@link LinkedHashMap} objects where a repeated key keeps its first position and the
 * last value, {@link ArrayList} arrays, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean} and {@code null}) at a fraction of its cost. Shared by soc-events' event reader
 * and soc-ingest's JSON reader, whose callers fall back to data binding for the error message.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /**
     * The object the parser's input holds; null when it does not start with an object, or (with
     * {@code refuseTrailing}) when something follows it. Malformed input throws Jackson's exception or
     * {@link IllegalStateException}.
     */
    public static Map<String, Object> readObject(JsonParser parser, boolean refuseTrailing) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Object> root = object(parser, new LinkedHashMap<>(64));
        if (refuseTrailing && parser.nextToken() != null) {
            return null;
        }
        return root;
    }

    /** The members of an object whose START_OBJECT is the current token, up to its END_OBJECT. */
    private static Map<String, Object> object(JsonParser parser, Map<String, Object> map) {
        String name;
        while ((name = parser.nextName()) != null) {
            map.put(name, value(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + parser.currentToken());
        }
        return map;
    }

    private static List<Object> array(JsonParser parser) {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(value(parser, token));
        }
        return list;
    }

    private static Object value(JsonParser parser, JsonToken token) {
        if (token == null) {
            throw new IllegalStateException("unexpected end of input");
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
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }
}
