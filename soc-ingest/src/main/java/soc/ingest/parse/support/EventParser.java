package soc.ingest.parse.support;

import soc.events.SocEvent;

/**
 * One input format. Implementations are stateless or internally synchronised (one instance serves all threads),
 * do no I/O, and signal an unparseable payload with {@link ParseException}; any other runtime exception is
 * also turned into a rejection by the {@code Normaliser}.
 */
public interface EventParser {

    /** The format name, used as the reject-reason prefix and the default {@code event.dataset}. */
    String format();

    /** Adds the normalised fields of {@code input} to {@code event} (platform fields are already there). */
    void parse(ParseInput input, SocEvent.Builder event);
}
