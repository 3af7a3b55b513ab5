package soc.ingest.parse.support;

/**
 * A payload that cannot be parsed. The message is the human-readable reason (without the format prefix, the
 * {@code Normaliser} adds it). No stack trace is captured: rejections are expected, frequent and cheap.
 */
public final class ParseException extends RuntimeException {
    public ParseException(String reason) {
        super(reason, null, false, false);
    }
}
