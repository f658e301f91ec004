package nl.gehoord.trends;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The attacker: collects every published number as a linear equation over the unknown cube counts and asks whether
 * a suppressed number is a linear combination of published ones (sums, margins, totals, differences of
 * overlapping ranges - anything a spreadsheet could do). Unknowns that a published zero forces to zero are removed
 * first (counts are never negative). Exact arithmetic modulo a large prime.
 */
final class LinearAttacker {
    private static final long P = 2_147_483_647L;

    private final int unknowns;
    private final BitSet knownZero = new BitSet();
    private final Set<BitSet> equations = new HashSet<>();
    private int[] column;
    private int columns;
    private Map<Integer, long[]> basis;

    LinearAttacker(int unknowns) {
        this.unknowns = unknowns;
    }

    /** A published number: the sum of these unknowns equals {@code value}. */
    void published(BitSet support, long value) {
        if (value == 0) {
            knownZero.or(support);
        } else {
            equations.add((BitSet) support.clone());
        }
    }

    int equationCount() {
        return equations.size();
    }

    /** True when the sum over {@code support} follows from the published numbers. */
    boolean determines(BitSet support) {
        if (basis == null) {
            solve();
        }
        long[] row = row(support);
        return row == null || reduce(row) == null;
    }

    private void solve() {
        column = new int[unknowns];
        columns = 0;
        for (int i = 0; i < unknowns; i++) {
            column[i] = knownZero.get(i) ? -1 : columns++;
        }
        basis = new HashMap<>();
        for (BitSet equation : equations) {
            long[] row = row(equation);
            if (row != null) {
                long[] rest = reduce(row);
                if (rest != null) {
                    int pivot = firstNonZero(rest);
                    long inv = inverse(rest[pivot]);
                    for (int j = pivot; j < rest.length; j++) {
                        rest[j] = rest[j] * inv % P;
                    }
                    basis.put(pivot, rest);
                }
            }
        }
    }

    private long[] row(BitSet support) {
        long[] row = new long[columns];
        boolean any = false;
        for (int i = support.nextSetBit(0); i >= 0; i = support.nextSetBit(i + 1)) {
            if (column[i] >= 0) {
                row[column[i]] = 1;
                any = true;
            }
        }
        return any ? row : null;
    }

    /** Reduces a row against the basis; null when nothing is left. */
    private long[] reduce(long[] row) {
        for (int j = 0; j < row.length; j++) {
            if (row[j] == 0) {
                continue;
            }
            long[] b = basis.get(j);
            if (b == null) {
                return row;
            }
            long f = row[j];
            for (int c = j; c < row.length; c++) {
                if (b[c] != 0) {
                    row[c] = Math.floorMod(row[c] - f * b[c] % P, P);
                }
            }
        }
        return null;
    }

    private static int firstNonZero(long[] row) {
        for (int j = 0; j < row.length; j++) {
            if (row[j] != 0) {
                return j;
            }
        }
        return -1;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a % P;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            e >>= 1;
        }
        return result;
    }
}
