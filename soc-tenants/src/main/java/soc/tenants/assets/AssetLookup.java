package soc.tenants.assets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import soc.tenants.scope.TenantScope;
import soc.tenants.sources.Cidr;
import soc.tenants.sources.Criticality;

/**
 * Which asset of a tenant holds an address, for the ingest hot path: the most specific of the tenant's asset
 * networks containing it ({@code 10.1.1.5/32} before {@code 10.1.1.0/24}), answered from an in-memory snapshot of
 * every tenant's inventory, never from the database per call.
 *
 * <p>The snapshot is loaded on first use (in the platform scope {@link TenantScope#ALL_TENANTS}) and reloaded every
 * {@value #TTL_SECONDS} s in the background while look-ups keep answering from the previous one; a change made on
 * another instance therefore applies within about that time. If the database cannot be read, look-ups answer from
 * the last good snapshot (or find nothing before the first one) and loading is retried: enrichment never stops
 * ingest. A look-up of an IPv4 literal allocates nothing.
 */
@Service
public class AssetLookup {
    static final int TTL_SECONDS = 30;
    private static final long TTL_NANOS = Duration.ofSeconds(TTL_SECONDS).toNanos();
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Logger log = LoggerFactory.getLogger(AssetLookup.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final ReentrantLock firstLoad = new ReentrantLock();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;
    private volatile ExecutorService refresher;

    AssetLookup(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
    }

    /** The most specific asset of the tenant whose networks contain the address. */
    public Optional<AssetMatch> find(String tenantId, InetAddress address) {
        byte[] bytes = Cidr.bytesOf(address);
        TenantAssets assets = current().tenants.get(tenantId);
        if (assets == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bytes.length == 4 ? assets.v4.lookup(0, toLong(bytes, 0, 4))
                : assets.v6.lookup(toLong(bytes, 0, 8), toLong(bytes, 8, 16)));
    }

    /**
     * The hot-path form: the most specific asset of the tenant for an IP literal as found in an event
     * ({@code 10.1.2.3}, {@code 2001:db8::1}, {@code fe80::1%eth0}); null when none, or when the text is not an IP
     * literal (host names are never resolved).
     */
    public AssetMatch match(String tenantId, String ip) {
        if (tenantId == null || ip == null) {
            return null;
        }
        TenantAssets assets = current().tenants.get(tenantId);
        if (assets == null) {
            return null;
        }
        long v4 = parseIpv4(ip);
        if (v4 >= 0) {
            return assets.v4.lookup(0, v4);
        }
        if (ip.indexOf(':') < 0) {
            return null;
        }
        byte[] bytes = ipv6(ip);
        if (bytes == null) {
            return null;
        }
        return bytes.length == 4 ? assets.v4.lookup(0, toLong(bytes, 0, 4))
                : assets.v6.lookup(toLong(bytes, 0, 8), toLong(bytes, 8, 16));
    }

    /** Reloads now, on the calling thread (tests; an operator-triggered refresh). */
    public void refresh() {
        snapshot = load();
    }

    /** The next look-up starts a reload (after a change on this instance); nothing is read until then. */
    void expire() {
        Snapshot current = snapshot;
        if (current != null) {
            current.expiresAt = System.nanoTime();
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            firstLoad.lock();
            try {
                if (snapshot == null) {
                    try {
                        snapshot = load();
                    } catch (RuntimeException e) {
                        log.warn("Could not load the asset inventory, events are not enriched until it loads: {}", e.toString());
                        Snapshot empty = new Snapshot(new HashMap<>());
                        empty.expiresAt = System.nanoTime() + RETRY_NANOS;
                        snapshot = empty;
                    }
                }
                return snapshot;
            } finally {
                firstLoad.unlock();
            }
        }
        if (System.nanoTime() - current.expiresAt >= 0 && refreshing.compareAndSet(false, true)) {
            refreshInBackground(current);
        }
        return current;
    }

    private void refreshInBackground(Snapshot previous) {
        try {
            refresher().execute(() -> {
                try {
                    snapshot = load();
                } catch (RuntimeException e) {
                    log.warn("Could not reload the asset inventory, keeping the previous one: {}", e.toString());
                    previous.expiresAt = System.nanoTime() + RETRY_NANOS;
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RuntimeException e) {
            refreshing.set(false); // shutting down
        }
    }

    private ExecutorService refresher() {
        ExecutorService executor = refresher;
        if (executor == null) {
            synchronized (this) {
                if (refresher == null) {
                    refresher = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "asset-lookup-refresh");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                executor = refresher;
            }
        }
        return executor;
    }

    @PreDestroy
    void stop() {
        ExecutorService executor = refresher;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private Snapshot load() {
        record Row(String tenantId, UUID assetId, String name, String type, String criticality, Integer purdueLevel,
                   String zone, String cidr) {
        }
        List<Row> rows = TenantScope.call(TenantScope.ALL_TENANTS, () -> ownTransaction.execute(status -> jdbc.sql("""
                        select a.tenant_id, a.asset_id, a.name, a.type, a.criticality, a.purdue_level, a.zone,
                               text(d.cidr) as cidr
                          from asset a join asset_address d on d.asset_id = a.asset_id""")
                .query((rs, n) -> new Row(rs.getString("tenant_id"), rs.getObject("asset_id", UUID.class),
                        rs.getString("name"), rs.getString("type"), rs.getString("criticality"),
                        rs.getObject("purdue_level") == null ? null : rs.getInt("purdue_level"), rs.getString("zone"),
                        rs.getString("cidr")))
                .list()));
        Map<String, TableBuilder[]> builders = new HashMap<>();
        Map<UUID, AssetMatch> matches = new HashMap<>();
        for (Row row : rows) {
            AssetMatch match = matches.computeIfAbsent(row.assetId(), id -> new AssetMatch(id, row.tenantId(), row.name(),
                    AssetType.valueOf(row.type()), Criticality.valueOf(row.criticality()), row.purdueLevel(), row.zone()));
            Cidr cidr = Cidr.parse(row.cidr());
            byte[] network = cidr.network();
            TableBuilder[] families = builders.computeIfAbsent(row.tenantId(),
                    tenant -> new TableBuilder[] {new TableBuilder(32), new TableBuilder(128)});
            if (network.length == 4) {
                families[0].add(cidr.prefixLength(), 0, toLong(network, 0, 4), match);
            } else {
                families[1].add(cidr.prefixLength(), toLong(network, 0, 8), toLong(network, 8, 16), match);
            }
        }
        Map<String, TenantAssets> tenants = new HashMap<>();
        builders.forEach((tenant, families) -> tenants.put(tenant, new TenantAssets(families[0].build(), families[1].build())));
        Snapshot loaded = new Snapshot(tenants);
        loaded.expiresAt = System.nanoTime() + TTL_NANOS;
        log.debug("Asset inventory loaded: {} assets, {} networks", matches.size(), rows.size());
        return loaded;
    }

    /** Parses a dotted-quad IPv4 literal without allocating; -1 when the text is not one. */
    static long parseIpv4(String text) {
        int length = text.length();
        if (length < 7 || length > 15) {
            return -1;
        }
        long value = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (digits == 0 || ++dots > 3) {
                    return -1;
                }
                value = (value << 8) | part;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return dots == 3 && digits > 0 ? (value << 8) | part : -1;
    }

    private static byte[] ipv6(String text) {
        int zone = text.indexOf('%');
        String literal = zone < 0 ? text : text.substring(0, zone);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return null; // never a DNS look-up
            }
        }
        try {
            return Cidr.bytesOf(InetAddress.getByName(literal));
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static long toLong(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static final class Snapshot {
        final Map<String, TenantAssets> tenants;
        volatile long expiresAt;

        Snapshot(Map<String, TenantAssets> tenants) {
            this.tenants = tenants;
        }
    }

    private record TenantAssets(Table v4, Table v6) {
    }

    /**
     * One address family of one tenant: per prefix length (longest first), the networks sorted (unsigned) with their
     * assets, searched by binary search: no hashing, no boxing.
     */
    private static final class Table {
        private final int width;
        private final int[] prefixes;
        private final long[][] his;
        private final long[][] los;
        private final AssetMatch[][] matches;

        Table(int width, int[] prefixes, long[][] his, long[][] los, AssetMatch[][] matches) {
            this.width = width;
            this.prefixes = prefixes;
            this.his = his;
            this.los = los;
            this.matches = matches;
        }

        AssetMatch lookup(long hi, long lo) {
            for (int i = 0; i < prefixes.length; i++) {
                int prefix = prefixes[i];
                long maskedHi = width == 32 ? 0 : maskHi(hi, prefix);
                long maskedLo = width == 32 ? maskV4(lo, prefix) : maskLo(lo, prefix);
                int found = search(his[i], los[i], maskedHi, maskedLo);
                if (found >= 0) {
                    return matches[i][found];
                }
            }
            return null;
        }

        private static int search(long[] his, long[] los, long hi, long lo) {
            int low = 0;
            int high = his.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int cmp = compare(his[mid], los[mid], hi, lo);
                if (cmp < 0) {
                    low = mid + 1;
                } else if (cmp > 0) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        static int compare(long hiA, long loA, long hiB, long loB) {
            int cmp = Long.compareUnsigned(hiA, hiB);
            return cmp != 0 ? cmp : Long.compareUnsigned(loA, loB);
        }

        static long maskV4(long address, int prefix) {
            return prefix == 0 ? 0 : address & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
        }

        static long maskHi(long hi, int prefix) {
            return prefix >= 64 ? hi : prefix == 0 ? 0 : hi & (-1L << (64 - prefix));
        }

        static long maskLo(long lo, int prefix) {
            return prefix <= 64 ? 0 : prefix == 128 ? lo : lo & (-1L << (128 - prefix));
        }
    }

    private static final class TableBuilder {
        private final int width;
        private final TreeMap<Integer, List<Object[]>> byPrefix = new TreeMap<>(java.util.Comparator.reverseOrder());

        TableBuilder(int width) {
            this.width = width;
        }

        void add(int prefix, long hi, long lo, AssetMatch match) {
            byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new Object[] {hi, lo, match});
        }

        Table build() {
            int n = byPrefix.size();
            int[] prefixes = new int[n];
            long[][] his = new long[n][];
            long[][] los = new long[n][];
            AssetMatch[][] matches = new AssetMatch[n][];
            int i = 0;
            for (Map.Entry<Integer, List<Object[]>> entry : byPrefix.entrySet()) {
                List<Object[]> networks = entry.getValue();
                networks.sort((a, b) -> Table.compare((long) a[0], (long) a[1], (long) b[0], (long) b[1]));
                prefixes[i] = entry.getKey();
                his[i] = new long[networks.size()];
                los[i] = new long[networks.size()];
                matches[i] = new AssetMatch[networks.size()];
                for (int j = 0; j < networks.size(); j++) {
                    his[i][j] = (long) networks.get(j)[0];
                    los[i][j] = (long) networks.get(j)[1];
                    matches[i][j] = (AssetMatch) networks.get(j)[2];
                }
                i++;
            }
            return new Table(width, prefixes, his, los, matches);
        }
    }
}
