package soc.ingest.parse;

import java.util.Objects;

import soc.events.SocEvent;

/** Outcome of normalising one raw envelope: an event to publish, or a reason to dead-letter it. */
public sealed interface Normalised {

    /** The payload parsed into a normalised event. */
    record Accepted(SocEvent event) implements Normalised {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The payload could not be normalised; {@code reason} says why, prefixed by the format (e.g. {@code syslog: no PRI header}). */
    record Rejected(String reason) implements Normalised {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
