package soc.ingest.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import soc.events.EventJson;
import soc.ingest.IngestProperties;
import soc.ingest.edge.RawPublisher;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.SourceActivity;
import soc.tenants.sources.SourceIdentity;

/**
 * The HTTP ingest edge: {@code POST /api/v1/ingest} with {@code Authorization: Bearer <ingest token>} and one
 * event per line (NDJSON or raw log lines, optionally gzip). A 202 means every accepted line is durably on the
 * raw topic; refused lines are listed with reasons and dead-lettered.
 */
@RestController
class IngestController {
    private static final int MAX_LISTED_REJECTIONS = 100;
    private static final long KAFKA_ACK_TIMEOUT_SECONDS = 30;

    private final IngestTokens tokens;
    private final RawPublisher publisher;
    private final SourceActivity activity;
    private final IngestProperties properties;

    IngestController(IngestTokens tokens, RawPublisher publisher, SourceActivity activity, IngestProperties properties) {
        this.activity = activity;
        this.tokens = tokens;
        this.publisher = publisher;
        this.properties = properties;
    }

    @PostMapping("/api/v1/ingest")
    ResponseEntity<IngestResult> ingest(HttpServletRequest request,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException {
        SourceIdentity source = authenticate(authorization);
        boolean gzip = "gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING));
        boolean json = isJson(request.getContentType());
        byte[] body = RequestBody.read(request.getInputStream(), gzip, properties.maxBodyBytes());
        List<int[]> lines = RequestBody.lines(body);
        if (lines.isEmpty()) {
            throw new IngestRejectedException(HttpStatus.BAD_REQUEST, "Empty body: send one event per line");
        }
        String format = json && "auto".equals(source.format()) ? "json" : source.format();
        Instant receivedAt = Instant.now();
        List<IngestResult.LineRejection> rejections = new ArrayList<>();
        List<CompletableFuture<?>> sends = new ArrayList<>(lines.size());
        int accepted = 0;
        for (int[] line : lines) {
            RawPublisher.Line decoded = publisher.decode(body, line[1], line[2] - line[1]);
            String problem = decoded.problem();
            String text = decoded.text();
            if (problem == null && json) {
                try {
                    EventJson.readObject(text);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                if (rejections.size() < MAX_LISTED_REJECTIONS) {
                    rejections.add(new IngestResult.LineRejection(line[0], problem));
                }
                sends.add(publisher.reject(source, "ingest-api", problem, text));
                continue;
            }
            sends.add(publisher.publish(source, "http", format, receivedAt, text));
            accepted++;
        }
        awaitKafka(sends);
        publisher.countAccepted(source.tenantId(), "http", accepted);
        if (accepted > 0) {
            activity.seen(source.sourceId(), receivedAt);
        }
        int rejected = lines.size() - accepted;
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IngestResult(accepted, rejected, rejections));
    }

    private SourceIdentity authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IngestRejectedException(HttpStatus.UNAUTHORIZED,
                    "Missing ingest token: send 'Authorization: Bearer <token>' issued for the data source");
        }
        return tokens.verify(authorization.substring(7).trim())
                .orElseThrow(() -> new IngestRejectedException(HttpStatus.UNAUTHORIZED, "Unknown or revoked ingest token"));
    }

    private static boolean isJson(String contentType) {
        return contentType != null && (contentType.startsWith("application/json")
                || contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/ndjson"));
    }

    /** Waits until Kafka acknowledged every line; otherwise nothing is promised and the sender must retry. */
    private static void awaitKafka(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(KAFKA_ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted: retry the batch");
        } catch (java.util.concurrent.ExecutionException | CompletionException | TimeoutException e) {
            throw new IngestRejectedException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Event bus unavailable, batch not accepted: retry later");
        }
    }

    @ExceptionHandler(IngestRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(IngestRejectedException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"soc-ingest\"");
        }
        return response.body(Map.of("status", e.status().value(), "error", e.getMessage()));
    }
}
