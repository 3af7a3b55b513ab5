package soc.ingest.parse.support;

import java.util.Map;

import soc.events.SocEvent;

/** A format whose payload is one JSON object; the object is parsed once and may be routed between dialects. */
public interface JsonEventParser extends EventParser {

    /** Maps an already parsed JSON object. */
    void map(ParseInput input, Map<String, Object> object, SocEvent.Builder event);

    @Override
    default void parse(ParseInput input, SocEvent.Builder event) {
        map(input, Json.readObject(input.text()), event);
    }
}
