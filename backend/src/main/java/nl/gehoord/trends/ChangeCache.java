package nl.gehoord.trends;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each month's protecting changes while that month's data in a scope stays the same, so repeated and
 * overlapping queries do not recompute them. The key holds a 128-bit fingerprint of the month's atoms: any change to
 * the data makes a new key. Bounded; the least recently used entries go first.
 */
final class ChangeCache {
    private static final int MAX_ENTRIES = 4096;

    private record Key(List<String> scope, String month, String partnerMonth, int k, long h1, long h2, long p1,
                       long p2) {
    }

    private final Map<Key, List<Disclosure.Change>> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Disclosure.Change>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    List<Disclosure.Change> changes(List<String> scope, String month, int k, List<List<String>> domains,
                                    Map<List<String>, long[]> atoms, String partnerMonth,
                                    Map<List<String>, long[]> partnerAtoms) {
        long[] h = fingerprint(atoms);
        long[] p = partnerAtoms == null ? new long[2] : fingerprint(partnerAtoms);
        Key key = new Key(List.of(String.valueOf(scope), String.valueOf(domains)), month, partnerMonth, k, h[0], h[1],
                p[0], p[1]);
        synchronized (entries) {
            List<Disclosure.Change> cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<Disclosure.Change> computed = List.copyOf(Disclosure.changes(k, domains, atoms, partnerMonth,
                partnerAtoms));
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
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
