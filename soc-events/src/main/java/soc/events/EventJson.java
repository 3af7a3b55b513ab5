package soc.events;

import java.util.Map;

import tools.jackson.core.JacksonException;
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

    public static SocEvent readEvent(String json) {
        return SocEvent.of(MAPPER.readValue(json, MAP));
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
