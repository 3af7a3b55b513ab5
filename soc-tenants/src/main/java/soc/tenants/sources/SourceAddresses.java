package soc.tenants.sources;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.audit.AuditLog;
import soc.tenants.scope.TenantScope;

/**
 * Sender addresses of data sources, for transports without a token (syslog): register a CIDR for a source,
 * list them, and resolve a sender's address to its source.
 *
 * <p>One address belongs to one source: a registration overlapping another tenant's network, or naming a network
 * already registered for another source, is refused. Within one tenant, overlapping networks of different sources
 * are allowed and the most specific one wins ({@code 10.1.2.3/32} before {@code 10.0.0.0/8}).
 *
 * <p>{@link #resolve(InetAddress)} is called per received line: it answers from an in-memory snapshot of all
 * tenants' registrations, reloaded every {@value #TTL_SECONDS} s (and at once after a registration on this
 * instance), so a change made on another instance applies within that time.
 */
@Service
public class SourceAddresses {
    static final int TTL_SECONDS = 15;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(SourceAddresses.class);

    private final JdbcClient jdbc;
    private final SourceRepository sources;
    private final AuditLog audit;
    private final TransactionTemplate callerTransaction;
    private final TransactionTemplate ownTransaction;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;

    SourceAddresses(JdbcClient jdbc, SourceRepository sources, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.audit = audit;
        this.callerTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Registers an address or CIDR ({@code 192.0.2.10}, {@code 192.0.2.0/24}, {@code 2001:db8::/48}) for a source.
     * The caller's scope must allow the source's tenant. Registering the same network again for the same source
     * is a no-op.
     *
     * @throws IllegalArgumentException for an unknown source, an invalid CIDR or an overlap with another source
     */
    public SourceAddress register(String actor, UUID sourceId, String address) {
        Cidr cidr = Cidr.parse(address);
        Source source = callerTransaction.execute(status -> sources.findById(sourceId))
                .orElseThrow(() -> new IllegalArgumentException("Unknown source " + sourceId));
        // The overlap check must see every tenant's networks, so it runs in the platform scope, on its own
        // connection, serialised by an advisory lock so two concurrent registrations cannot both pass it.
        SourceAddress saved = TenantScope.call(TenantScope.ALL_TENANTS, () -> ownTransaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('soc.source_address'))").query().singleRow();
            List<Map<String, Object>> conflicts = jdbc.sql("""
                            select a.tenant_id, a.source_id, a.cidr::text as cidr, s.name
                              from source_address a join source s on s.source_id = a.source_id
                             where a.cidr && ?::cidr
                               and (a.tenant_id <> ? or (a.cidr = ?::cidr and a.source_id <> ?))
                             limit 1""")
                    .params(cidr.toString(), source.getTenantId(), cidr.toString(), sourceId)
                    .query().listOfRows();
            if (!conflicts.isEmpty()) {
                Map<String, Object> conflict = conflicts.get(0);
                if (!source.getTenantId().equals(conflict.get("tenant_id"))) {
                    // another tenant's name and source are not the caller's business
                    throw new IllegalArgumentException(cidr + " overlaps " + conflict.get("cidr")
                            + ", registered for another tenant: one address belongs to one source");
                }
                throw new IllegalArgumentException(cidr + " is already registered for source '" + conflict.get("name")
                        + "': one address belongs to one source");
            }
            int inserted = jdbc.sql("""
                            insert into source_address (source_id, tenant_id, cidr, created_by)
                            values (?, ?, ?::cidr, ?) on conflict do nothing""")
                    .params(sourceId, source.getTenantId(), cidr.toString(), actor).update();
            if (inserted > 0) {
                audit.record(actor, source.getTenantId(), "source-address.registered",
                        "source " + source.getName() + ", " + cidr);
            }
            return find(sourceId, cidr).orElseThrow();
        }));
        expireSnapshot();
        return saved;
    }

    /** Removes a network from a source; the caller's scope must allow the source's tenant. */
    public boolean remove(String actor, UUID sourceId, String address) {
        Cidr cidr = Cidr.parse(address);
        Boolean removed = callerTransaction.execute(status -> {
            Source source = sources.findById(sourceId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown source " + sourceId));
            int deleted = jdbc.sql("delete from source_address where source_id = ? and cidr = ?::cidr")
                    .params(sourceId, cidr.toString()).update();
            if (deleted > 0) {
                audit.record(actor, source.getTenantId(), "source-address.removed", "source " + source.getName() + ", " + cidr);
            }
            return deleted > 0;
        });
        expireSnapshot();
        return Boolean.TRUE.equals(removed);
    }

    /** The networks of a source visible to the caller's scope. */
    public List<SourceAddress> forSource(UUID sourceId) {
        return callerTransaction.execute(status -> jdbc.sql("""
                        select source_id, tenant_id, cidr::text as cidr, created_at, created_by
                          from source_address where source_id = ? order by cidr""")
                .param(sourceId).query(SourceAddresses::row).list());
    }

    /**
     * The source a sender belongs to: the most specific registered network containing the address, across all
     * tenants; empty when none does. Answers from memory (see the class comment).
     *
     * @throws IllegalStateException when the registrations could never be loaded (database unavailable)
     */
    public Optional<SourceIdentity> resolve(InetAddress address) {
        return Optional.ofNullable(current().lookup(Cidr.bytesOf(address)));
    }

    private Optional<SourceAddress> find(UUID sourceId, Cidr cidr) {
        return jdbc.sql("""
                        select source_id, tenant_id, cidr::text as cidr, created_at, created_by
                          from source_address where source_id = ? and cidr = ?::cidr""")
                .params(sourceId, cidr.toString()).query(SourceAddresses::row).optional();
    }

    private static SourceAddress row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new SourceAddress(rs.getObject("source_id", UUID.class), rs.getString("tenant_id"), rs.getString("cidr"),
                created == null ? null : created.toInstant(), rs.getString("created_by"));
    }

    /** The next lookup reloads (the previous snapshot answers until the reload succeeded). */
    private void expireSnapshot() {
        Snapshot current = snapshot;
        if (current != null) {
            snapshot = current.retryAt(Instant.EPOCH);
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null) {
            loading.lock();
            try {
                if (snapshot == null) {
                    snapshot = load(now);
                }
                return snapshot;
            } finally {
                loading.unlock();
            }
        }
        if (!current.expires.isAfter(now) && loading.tryLock()) {
            // one thread refreshes, the others keep answering from the previous snapshot meanwhile
            try {
                snapshot = load(now);
            } catch (RuntimeException e) {
                log.warn("Could not reload source addresses, keeping the previous ones: {}", e.toString());
                snapshot = current.retryAt(now.plus(TTL));
            } finally {
                loading.unlock();
            }
        }
        return snapshot;
    }

    private Snapshot load(Instant now) {
        List<Object[]> rows = TenantScope.call(TenantScope.ALL_TENANTS, () -> ownTransaction.execute(status -> jdbc.sql("""
                        select a.cidr::text as cidr, a.tenant_id, a.source_id, s.format
                          from source_address a join source s on s.source_id = a.source_id""")
                .query((rs, n) -> new Object[]{rs.getString("cidr"), rs.getString("tenant_id"),
                        rs.getObject("source_id", UUID.class), rs.getString("format")})
                .list()));
        Snapshot loaded = new Snapshot(now.plus(TTL));
        for (Object[] row : rows) {
            loaded.add(Cidr.parse((String) row[0]), new SourceIdentity((String) row[1], (UUID) row[2], (String) row[3]));
        }
        return loaded;
    }

    /** Networks by prefix length, longest first, each a hash map from masked network to source. */
    private static final class Snapshot {
        private final Map<Integer, TreeMap<Integer, Map<ByteBuffer, SourceIdentity>>> byFamily = new HashMap<>();
        private final Instant expires;

        Snapshot(Instant expires) {
            this.expires = expires;
        }

        private Snapshot(Snapshot copy, Instant expires) {
            this.byFamily.putAll(copy.byFamily);
            this.expires = expires;
        }

        Snapshot retryAt(Instant at) {
            return new Snapshot(this, at);
        }

        void add(Cidr cidr, SourceIdentity identity) {
            byte[] network = cidr.network();
            byFamily.computeIfAbsent(network.length, length -> new TreeMap<>(java.util.Comparator.reverseOrder()))
                    .computeIfAbsent(cidr.prefixLength(), prefix -> new HashMap<>())
                    .putIfAbsent(ByteBuffer.wrap(network), identity);
        }

        SourceIdentity lookup(byte[] address) {
            TreeMap<Integer, Map<ByteBuffer, SourceIdentity>> prefixes = byFamily.get(address.length);
            if (prefixes == null) {
                return null;
            }
            for (Map.Entry<Integer, Map<ByteBuffer, SourceIdentity>> entry : prefixes.entrySet()) {
                SourceIdentity found = entry.getValue().get(ByteBuffer.wrap(Cidr.mask(address, entry.getKey())));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }
}
