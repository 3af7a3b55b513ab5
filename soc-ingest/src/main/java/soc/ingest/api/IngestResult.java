package soc.ingest.api;

import java.util.List;

/**
 * Answer to an ingest request.
 *
 * @param accepted   lines written to the raw topic (durably: acknowledged by Kafka)
 * @param rejected   lines refused at the edge (also sent to the dead-letter topic)
 * @param rejections the first rejections, by 1-based line number, with reasons
 */
public record IngestResult(int accepted, int rejected, List<LineRejection> rejections) {
    public record LineRejection(int line, String reason) {
    }
}
