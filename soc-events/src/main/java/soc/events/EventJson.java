package soc.events;

import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
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
     * Reads an event from the events topic. {@link JsonTree}, a small tree builder on Jackson's streaming parser (same parser,
     * features and read constraints as {@link #mapper()}) builds the event's map directly, which costs a fraction
     * of data binding to {@code Map} and gives exactly the same values: {@code LinkedHashMap} objects (a repeated
     * key keeps its first position and the last value), {@code ArrayList} arrays, {@code String},
     * {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} and {@code null}; what
     * follows the object is refused, as data binding does. Anything else is re-read with data binding, so
     * malformed input fails with the same exception as before.
     */
    public static SocEvent readEvent(String json) {
        return readEvent(() -> MAPPER.createParser(json), () -> MAPPER.readValue(json, MAP));
    }

    /**
     * {@link #readEvent(String)} from the UTF-8 bytes of a record value, without decoding them to a string first
     * (Jackson's byte parser is also the faster one).
     */
    public static SocEvent readEvent(byte[] json) {
        return readEvent(() -> MAPPER.createParser(json), () -> MAPPER.readValue(json, MAP));
    }

    private static SocEvent readEvent(Supplier<JsonParser> streaming, Supplier<Map<String, Object>> dataBinding) {
        Map<String, Object> fields;
        try (JsonParser parser = streaming.get()) {
            fields = JsonTree.readObject(parser, TRAILING_TOKENS_FAIL);
        } catch (JacksonException | IllegalStateException fast) {
            fields = null;
        }
        if (fields == null) {
            return SocEvent.of(dataBinding.get()); // the data-binding path reports the error
        }
        return SocEvent.adopt(fields);
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
