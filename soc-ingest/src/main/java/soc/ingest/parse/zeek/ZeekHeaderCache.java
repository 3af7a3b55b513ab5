package soc.ingest.parse.zeek;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Per-source Zeek TSV header state ({@code tenant / source / declared path} to the last header seen), so that a
 * TSV file streamed line by line can be decoded. Bounded: beyond {@code capacity} entries arbitrary old entries
 * are evicted (a source then needs to resend its header or declare {@code zeek:<path>}). Thread-safe.
 */
public final class ZeekHeaderCache {
    private final ConcurrentHashMap<String, ZeekHeader> headers = new ConcurrentHashMap<>();
    private final int capacity;

    public ZeekHeaderCache(int capacity) {
        this.capacity = capacity;
    }

    ZeekHeader get(String key) {
        return headers.get(key);
    }

    void update(String key, UnaryOperator<ZeekHeader> change) {
        if (headers.size() >= capacity && !headers.containsKey(key)) {
            Iterator<String> it = headers.keySet().iterator();
            for (int i = 0; i < Math.max(1, capacity / 10) && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        headers.compute(key, (k, old) -> change.apply(old == null ? ZeekHeader.DEFAULT : old));
    }

    public int size() {
        return headers.size();
    }
}
