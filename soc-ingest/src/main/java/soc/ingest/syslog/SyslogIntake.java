package soc.ingest.syslog;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import soc.ingest.edge.RawPublisher;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.SourceActivity;
import soc.tenants.sources.SourceAddresses;
import soc.tenants.sources.SourceIdentity;

/**
 * What happens to each received syslog message: attribution to a tenant's source (by a token in the structured
 * data, else by the sender's registered address), then the raw topic, or the dead-letter topic with the reason.
 */
@Component
class SyslogIntake {
    static final String STAGE = "syslog";
    static final String ENVELOPE_TRANSPORT = "syslog";

    private final RawPublisher publisher;
    private final SourceAddresses addresses;
    private final IngestTokens tokens;
    private final SourceActivity activity;

    SyslogIntake(RawPublisher publisher, SourceAddresses addresses, IngestTokens tokens, SourceActivity activity) {
        this.publisher = publisher;
        this.activity = activity;
        this.addresses = addresses;
        this.tokens = tokens;
    }

    /** One message; the future completes when Kafka acknowledged it (on the raw or the dead-letter topic). */
    CompletableFuture<?> message(SyslogTransport transport, InetAddress sender, Instant receivedAt,
                                 byte[] bytes, int offset, int length) {
        RawPublisher.Line line = publisher.decode(bytes, offset, length);
        String text = line.text();
        SyslogToken token = line.accepted() ? SyslogToken.find(text) : null;
        SourceIdentity source;
        if (token != null) {
            text = token.redact(text);
            Optional<SourceIdentity> verified = tokens.verify(token.value());
            if (verified.isEmpty()) {
                return publisher.rejectUnattributed(STAGE, "unknown or revoked ingest token in structured data ["
                        + SyslogToken.SD_ID + "] from " + sender.getHostAddress(), text);
            }
            source = verified.get();
        } else {
            Attribution byAddress = byAddress(sender);
            if (byAddress.source == null) {
                return publisher.rejectUnattributed(STAGE, byAddress.problem, text);
            }
            source = byAddress.source;
        }
        if (!line.accepted()) {
            return publisher.reject(source, STAGE, line.problem(), text);
        }
        String tenant = source.tenantId();
        activity.seen(source.sourceId(), receivedAt); // in-memory unless a last-seen write is due
        return publisher.publish(source, ENVELOPE_TRANSPORT, source.format(), receivedAt, text)
                .thenRun(() -> publisher.countAccepted(tenant, transport.tag, 1));
    }

    /** A frame the decoder refused (oversized, broken framing): dead-lettered with its reason and a preview. */
    CompletableFuture<?> refused(InetAddress sender, String reason, byte[] preview, int offset, int length) {
        String text = new String(preview, offset, length, StandardCharsets.UTF_8);
        Attribution byAddress = byAddress(sender);
        if (byAddress.source == null) {
            return publisher.rejectUnattributed(STAGE, reason + "; " + byAddress.problem, text);
        }
        return publisher.reject(byAddress.source, STAGE, reason, text);
    }

    private Attribution byAddress(InetAddress sender) {
        try {
            return addresses.resolve(sender).map(source -> new Attribution(source, null))
                    .orElseGet(() -> new Attribution(null, "no source registered for address " + sender.getHostAddress()));
        } catch (RuntimeException e) {
            return new Attribution(null, "source addresses unavailable (" + e.getMessage() + "), sender "
                    + sender.getHostAddress());
        }
    }

    private record Attribution(SourceIdentity source, String problem) {
    }
}
