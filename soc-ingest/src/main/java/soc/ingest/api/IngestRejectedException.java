package soc.ingest.api;

import org.springframework.http.HttpStatus;

/** A whole request refused, with the status and a message that tells the sender what to fix. */
class IngestRejectedException extends RuntimeException {
    private final HttpStatus status;

    IngestRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
