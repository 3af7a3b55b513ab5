package soc.web.posture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Anonymised benchmarking: a tenant's figure against the median of its peers (tenants of the same kind). Only the
 * median and how many peers it was taken over leave this class; with fewer than {@link #MIN_PEERS} peers not even
 * the median is given, since with one or two peers it would be their own figure. Framework-free and unit-tested.
 */
public final class PeerBenchmark {
    public static final int MIN_PEERS = 3;

    private PeerBenchmark() {
    }

    /** @param enoughPeers false when fewer than {@link #MIN_PEERS} peers had this figure; median is then null */
    public record Comparison(String metric, Integer own, Double median, int peers, boolean enoughPeers) {
        /** Positive when the tenant is above the median. */
        public Double difference() {
            return own == null || median == null ? null : own - median;
        }
    }

    /**
     * @param own   the tenant's own figure (null when it has none)
     * @param peers the peers' figures, the tenant itself excluded; nulls (no data) are not counted
     */
    public static Comparison compare(String metric, Integer own, Collection<Integer> peers) {
        List<Integer> values = new ArrayList<>(peers.stream().filter(Objects::nonNull).toList());
        if (values.size() < MIN_PEERS) {
            return new Comparison(metric, own, null, values.size(), false);
        }
        return new Comparison(metric, own, median(values), values.size(), true);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
