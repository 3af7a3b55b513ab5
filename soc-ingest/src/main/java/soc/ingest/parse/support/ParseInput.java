package soc.ingest.parse.support;

import java.time.Instant;

import soc.events.RawEnvelope;

/**
 * What a parser gets: the envelope, the payload text with transport framing removed (trailing CR/LF/NUL, a
 * leading BOM), and the variant of the declared format (the part after {@code :}, e.g. {@code conn} for
 * {@code zeek:conn}; empty when none).
 */
public record ParseInput(RawEnvelope raw, String text, String variant) {

    public Instant receivedAt() {
        return raw.receivedAt();
    }
}
