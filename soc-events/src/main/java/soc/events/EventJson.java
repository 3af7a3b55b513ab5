package soc.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON codec for everything on the platform's topics, so every service reads what another wrote. */
public final class EventJson {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final boolean TRAILING_TOKENS_FAIL =
            MAPPER.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String write(SocEvent event) {
        return MAPPER.writeValueAsString(event.fields());
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads an event from the events topic. A small tree builder on Jackson's streaming parser (same parser,
     * features and read constraints as {@link #mapper()}) builds the event's map directly, which costs a fraction
     * of data binding to {@code Map} and gives exactly the same values: {@link LinkedHashMap} objects (a repeated
     * key keeps its first position and the last value), {@link ArrayList} arrays, {@code String},
     * {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} and {@code null}; what
     * follows the object is refused, as data binding does. Anything else is re-read with data binding, so
     * malformed input fails with the same exception as before.
     */
    public static SocEvent readEvent(String json) {
        Map<String, Object> fields;
        try (JsonParser parser = MAPPER.createParser(json)) {
            fields = readTree(parser);
        } catch (JacksonException | IllegalStateException fast) {
            fields = null;
        }
        if (fields == null) {
            return SocEvent.of(MAPPER.readValue(json, MAP)); // the data-binding path reports the error
        }
        return SocEvent.adopt(fields);
    }

    /**
     * {@link #readEvent(String)} from the UTF-8 bytes of a record value, without decoding them to a string first
     * (Jackson's byte parser is also the faster one).
     */
    public static SocEvent readEvent(byte[] json) {
        Map<String, Object> fields;
        try (JsonParser parser = MAPPER.createParser(json)) {
            fields = readTree(parser);
        } catch (JacksonException | IllegalStateException fast) {
            fields = null;
        }
        if (fields == null) {
            return SocEvent.of(MAPPER.readValue(json, MAP)); // the data-binding path reports the error
        }
        return SocEvent.adopt(fields);
    }

    /** The streaming read of one JSON object; null when the input does not start with an object. */
    private static Map<String, Object> readTree(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Object> root = object(parser, new LinkedHashMap<>(64));
        if (TRAILING_TOKENS_FAIL && parser.nextToken() != null) {
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

    /** Parses a JSON object; throws {@link IllegalArgumentException} with a clear message when it is not one. */
    public static Map<String, Object> readObject(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
