package nl.gehoord.trends;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps each month's protecting changes while that month's data in a scope stays the same, so repeated and
 * overlapping queries do not recompute them. One entry per scope, month (and the month it pairs with) and minimum
 * group size, holding a 128-bit fingerprint of the atoms it was computed from: an entry is used only when the
 * fingerprint of the data read now matches, so a change to the data (made by any server instance) is never
 * answered with changes computed for other data. Shared by the queries and the background warm-up
 * ({@link TrendsWarmer}), which fills it ahead of the queries. Bounded; the least recently used entries go first.
 */
public final class ChangeCache {
    private static final int MAX_ENTRIES = 4096;

    private record Slot(String scope, String domains, String month, String partnerMonth, int k) {
    }

    private record Entry(long h1, long h2, long p1, long p2, List<Disclosure.Change> changes) {
        boolean fits(long[] h, long[] p) {
            return h1 == h[0] && h2 == h[1] && p1 == p[0] && p2 == p[1];
        }
    }

    private final Map<Slot, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Slot, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong computed = new AtomicLong();

    /** How many times a month's changes were computed (not found ready): for tests and the benchmark. */
    public long computed() {
        return computed.get();
    }

    List<Disclosure.Change> changes(String scope, String month, int k, List<List<String>> domains,
                                    Map<List<String>, long[]> atoms, String partnerMonth,
                                    Map<List<String>, long[]> partnerAtoms) {
        long[] h = fingerprint(atoms);
        long[] p = partnerAtoms == null ? new long[2] : fingerprint(partnerAtoms);
        Slot slot = new Slot(scope, String.valueOf(domains), month, partnerMonth, k);
        synchronized (entries) {
            Entry cached = entries.get(slot);
            if (cached != null && cached.fits(h, p)) {
                return cached.changes();
            }
        }
        List<Disclosure.Change> changes = List.copyOf(Disclosure.changes(k, domains, atoms, partnerMonth,
                partnerAtoms));
        computed.incrementAndGet();
        synchronized (entries) {
            entries.put(slot, new Entry(h[0], h[1], p[0], p[1], changes));
        }
        return changes;
    }

    private static long[] fingerprint(Map<List<String>, long[]> atoms) {
        long h1 = 0;
        long h2 = 0;
        for (Map.Entry<List<String>, long[]> atom : atoms.entrySet()) {
            long a = atom.getKey().hashCode();
            long b = a * 0xD6E8FEB86659FD93L;
            for (long v : atom.getValue()) {
                a = a * 0x100000001B3L + v;
                b = (b ^ v) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
            }
            h1 += mix(a);
            h2 += mix(b ^ 0x9E3779B97F4A7C15L);
        }
        return new long[] {h1, h2 + atoms.size()};
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
