package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Disclosure control: which cells of an answer are suppressed. docs/trends.md explains the method in plain words.
 *
 * <p>Every number a council can get is a sum of the scope's finest cells ("atoms": one month, topic, setting, region
 * and age band). For every small number (1 to k-1) in any month's table of any combination of dimensions, a
 * protecting change is fixed: +1/-1 on the corners of a (hyper)rectangle of atoms, alternating over the small
 * cell's dimensions (each paired with a partner value), at one fixed value of every other dimension, inside that
 * month. Every row and column total of the rectangle stays the same. A published number must not change under any
 * of these changes; anything it would change is suppressed. The corners are chosen among atoms that hold at least
 * one case, so the changed data is as possible as the real data (no count goes below zero): two data sets that
 * differ in every suppressed number give exactly the same answers to every query - every combination, every range
 * of months, every total - and no sum, difference or bound of published numbers pins a suppressed number down.
 *
 * <p>The changes depend only on the scope's data, never on the query asked, which keeps the answers to overlapping
 * queries consistent. A query computes only the changes that can touch it: those over its own dimensions, in its
 * own months.
 */
final class Disclosure {
    /** A cell of an answer: its month (null when the range is summed) and its values, in the order of the dims. */
    record CellKey(String month, List<String> values) {
    }

    /** The cells and layer values that must not be published. */
    static final class Hidden {
        final Set<CellKey> cells = new HashSet<>();
        final Map<CellKey, boolean[][]> layers = new HashMap<>();

        boolean cell(CellKey key) {
            return cells.contains(key);
        }

        boolean layer(CellKey key, Layer layer, int index) {
            boolean[][] marks = layers.get(key);
            return marks != null && marks[layer.ordinal()][index];
        }

        void markLayer(CellKey key, Layer layer, int index) {
            layers.computeIfAbsent(key, k -> {
                boolean[][] m = new boolean[Layer.values().length][];
                for (Layer l : Layer.values()) {
                    m[l.ordinal()] = new boolean[l.size()];
                }
                return m;
            })[layer.ordinal()][index] = true;
        }
    }

    /**
     * A protecting change: for each of the four dimensions one value (fixed) or two (alternating). A layer change
     * moves cases between two layer values and keeps every count; a cell change moves whole cases and so hides
     * whole cells. It alters the cells of every table that holds all its alternating dimensions. A paired change
     * also alternates between its month and the other month of its pair ({@code partnerMonth}), so a range holding
     * both months is not altered; a local change ({@code partnerMonth} null) alters every range holding its month.
     */
    record Change(List<List<String>> corners, boolean[] alternating, boolean layerChange, int layerValue,
                  int layerPartner, String partnerMonth) {
        boolean touches(boolean[] asked) {
            for (int d = 0; d < 4; d++) {
                if (alternating[d] && !asked[d]) {
                    return false;
                }
            }
            return true;
        }
    }

    private Disclosure() {
    }

    /**
     * Marks what an answer must not publish: the cells and layer values that the protecting changes alter.
     *
     * @param asked    positions (0-3) of the asked category dimensions, in the asked order
     * @param byMonth  whether month is one of the asked dimensions
     * @param months   the months asked for
     * @param changes  month -> every protecting change of that month (see {@link #changes}); also for the other
     *                 month of a pair cut by the range
     */
    static Hidden protect(List<Integer> asked, boolean byMonth, java.util.Set<String> months,
                          Map<String, List<Change>> changes) {
        Hidden hidden = new Hidden();
        boolean[] askedSet = new boolean[4];
        asked.forEach(position -> askedSet[position] = true);
        changes.forEach((month, list) -> list.forEach(change -> {
            if (!change.touches(askedSet)) {
                return;
            }
            boolean inRange = months.contains(month);
            boolean partnerInRange = change.partnerMonth() != null && months.contains(change.partnerMonth());
            if (byMonth) {
                if (inRange) {
                    apply(change, asked, month, true, hidden);
                }
                if (partnerInRange) {
                    apply(change, asked, change.partnerMonth(), true, hidden);
                }
            } else if (change.partnerMonth() == null ? inRange : inRange != partnerInRange) {
                apply(change, asked, month, false, hidden);
            }
        }));
        return hidden;
    }

    /**
     * Every protecting change of one month: one for each small number in every table of the month that a query can
     * show (every combination of up to three category dimensions, and every layer). Depends only on the data of the month and of the
     * other month of its pair, and k, so it is the same whatever is asked.
     *
     * <p>Months come in fixed pairs. When the pair together holds at least k for the small number, the change is
     * paired (one month loses where the other gains), so ranges holding both months are not touched; a range
     * holding one of them is, and a small number over a range always has a month part whose change touches it.
     * Otherwise, or when the other month has not ended, the change stays inside the month.
     *
     * @param partnerAtoms the other month's atoms, or null when it cannot be paired with
     */
    static List<Change> changes(int k, List<List<String>> domains, Map<List<String>, long[]> monthAtoms,
                                String partnerMonth, Map<List<String>, long[]> partnerAtoms) {
        List<Change> changes = new ArrayList<>();
        List<Map<List<String>, long[]>> both = partnerAtoms == null ? List.of(monthAtoms)
                : List.of(monthAtoms, partnerAtoms);
        // Tables over all four category dimensions are never published (a query has at most three dimensions), so
        // their small cells need no protection of their own: 15 of the 16 combinations.
        for (int mask = 0; mask < 15; mask++) {
            boolean[] inS = new boolean[4];
            for (int d = 0; d < 4; d++) {
                inS[d] = (mask & (1 << d)) != 0;
            }
            Map<List<String>, Group> partnerTable = partnerAtoms == null ? Map.of() : group(partnerAtoms, inS);
            for (Map.Entry<List<String>, Group> entry : group(monthAtoms, inS).entrySet()) {
                Group cell = entry.getValue();
                long[] v = cell.sum();
                Group other = partnerTable.get(entry.getKey());
                long[] pair = other == null ? v : plus(v, other.sum());
                if (v[0] > 0 && v[0] < k) {
                    changes.add(find(cell, inS, domains, both, partnerMonth, pair[0] >= k, null, -1, k));
                }
                for (Layer layer : Layer.values()) {
                    for (int i = 0; i < layer.size(); i++) {
                        long n = layer.count(v, i);
                        if (n > 0 && n < k) {
                            changes.add(find(cell, inS, domains, both, partnerMonth, layer.count(pair, i) >= k,
                                    layer, i, k));
                        }
                    }
                }
            }
        }
        return changes;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private static void apply(Change change, List<Integer> asked, String month, boolean byMonth, Hidden hidden) {
        forEachCorner(change, asked, values -> {
            CellKey key = key(month, byMonth, values);
            if (change.layerChange()) {
                hidden.markLayer(key, LAYERS[change.layerValue() >> 8], change.layerValue() & 0xff);
                hidden.markLayer(key, LAYERS[change.layerValue() >> 8], change.layerPartner());
            } else {
                hidden.cells.add(key);
            }
        });
    }

    private static final Layer[] LAYERS = Layer.values();

    private static CellKey key(String month, boolean byMonth, List<String> values) {
        return new CellKey(byMonth ? month : null, values);
    }

    /** One cell of a month's table: its counts and the atoms it adds up. */
    private record Group(long[] sum, List<List<String>> atoms) {
    }

    /** The month's table over the dimensions marked in {@code inS}; other positions hold null. */
    private static Map<List<String>, Group> group(Map<List<String>, long[]> atoms, boolean[] inS) {
        Map<List<String>, Group> table = new HashMap<>();
        for (Map.Entry<List<String>, long[]> atom : atoms.entrySet()) {
            List<String> key = new ArrayList<>(4);
            for (int d = 0; d < 4; d++) {
                key.add(inS[d] ? atom.getKey().get(d) : null);
            }
            Group group = table.computeIfAbsent(key, x -> new Group(new long[atom.getValue().length], new ArrayList<>()));
            long[] v = atom.getValue();
            for (int i = 0; i < v.length; i++) {
                group.sum()[i] += v[i];
            }
            group.atoms().add(atom.getKey());
        }
        return table;
    }

    /**
     * Finds the protecting change for one small cell (layer null) or one small layer value. Tried in a fixed order,
     * so the same data always gives the same change: over all the cell's dimensions first (a layer change, then a
     * cell change), then over fewer of them, which touches more tables (see {@link #options}). The corners that lose
     * a case must hold one, so the changed data stays possible.
     */
    private static Change find(Group cell, boolean[] inS, List<List<String>> domains,
                               List<Map<List<String>, long[]>> months, String partnerMonth, boolean pairable,
                               Layer layer, int layerValue, int k) {
        List<List<String>> inCell = cell.atoms().stream().sorted(Disclosure::compare).toList();
        boolean[] pairings = pairable && months.size() == 2 ? new boolean[] {true, false} : new boolean[] {false};
        for (Object[] option : options(inS, layer)) {
            for (boolean paired : pairings) {
                boolean[] alt = (boolean[]) option[0];
                boolean layerChange = (Boolean) option[1];
                for (List<String> atom : inCell) {
                    if (layer != null && layer.count(months.get(0).get(atom), layerValue) == 0) {
                        continue;
                    }
                    int[] partners = layer == null || !layerChange ? new int[] {-1} : otherValues(layer, layerValue);
                    for (int partner : partners) {
                        List<List<String>> base = new ArrayList<>();
                        for (int d = 0; d < 4; d++) {
                            base.add(List.of(atom.get(d)));
                        }
                        Search search = new Search(alt, domains, paired ? months : months.subList(0, 1), layer,
                                layerValue, layerChange, partner, paired ? partnerMonth : null);
                        Change found = search.extend(base, 0);
                        if (found != null) {
                            return found;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("a small cell holds no case");
    }

    /**
     * The kinds of change to try, in order: {alternating dimensions, layer change?}; each first paired with the
     * other month of the pair (if the pair allows it), then inside the month. A small count needs a cell
     * change. For a small layer value: changes over more dimensions first (they touch fewer tables); for the same
     * dimensions a layer change (it hides two layer values, not whole cells) before a cell change. This holds even
     * when the cell's own count is small: that cell is hidden in its month anyway, but a cell change inside the month
     * would also hide it, and its compensating cell, in every range of months holding that month (a whole year of a
     * topic lost for one small outcome count), where a layer change hides only outcome, complaint or SLA values.
     */
    private static List<Object[]> options(boolean[] inS, Layer layer) {
        List<boolean[]> alternatives = subsetsBySize(inS);
        List<Object[]> options = new ArrayList<>();
        for (boolean[] alt : alternatives) {
            if (layer != null) {
                options.add(new Object[] {alt, true});
            }
            options.add(new Object[] {alt, false});
        }
        return options;
    }

    private static int[] otherValues(Layer layer, int value) {
        int[] others = new int[layer.size() - 1];
        int n = 0;
        for (int u = 0; u < layer.size(); u++) {
            if (u != value) {
                others[n++] = u;
            }
        }
        return others;
    }

    /** The subsets of a set of dimensions, largest first, in a fixed order. */
    private static List<boolean[]> subsetsBySize(boolean[] set) {
        List<boolean[]> result = new ArrayList<>();
        for (int size = 4; size >= 0; size--) {
            for (int mask = 15; mask >= 0; mask--) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                boolean[] subset = new boolean[4];
                boolean ok = true;
                for (int d = 0; d < 4; d++) {
                    subset[d] = (mask & (1 << d)) != 0;
                    ok &= !subset[d] || set[d];
                }
                if (ok) {
                    result.add(subset);
                }
            }
        }
        return result;
    }

    /** The search for one change's corners: partners chosen dimension by dimension, in list order. */
    private record Search(boolean[] alt, List<List<String>> domains, List<Map<List<String>, long[]>> months,
                          Layer layer, int u, boolean layerChange, int partner, String partnerMonth) {
        Change extend(List<List<String>> corners, int d) {
            if (d == 4) {
                return allPositive(corners) ? new Change(List.copyOf(corners), alt.clone(), layerChange,
                        layer == null ? -1 : (layer.ordinal() << 8) | u, partner, partnerMonth) : null;
            }
            if (!alt[d] || domains.get(d).size() < 2) {
                return alt[d] ? null : extend(corners, d + 1);
            }
            String value = corners.get(d).get(0);
            for (String other : domains.get(d)) {
                if (other.equals(value)) {
                    continue;
                }
                List<List<String>> next = new ArrayList<>(corners);
                next.set(d, List.of(value, other));
                if (!allPositive(next)) {
                    continue; // corners fixed so far must already hold what they lose
                }
                Change found = extend(next, d + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /**
         * Whether the change can be made without any count going below zero. It takes one case away at the small
         * cell's own atom and at every corner an even number of steps from it (a step: another value of one
         * dimension, or the other month of the pair), and adds one at the others (a layer change moves one case
         * from the small value to the partner value there, and back at the others). So a corner that loses a case
         * must hold one; a corner that gains one may be empty.
         */
        boolean allPositive(List<List<String>> corners) {
            int n = corners.size();
            for (int month = 0; month < months.size(); month++) {
                int[] index = new int[n];
                while (true) {
                    List<String> values = new ArrayList<>(n);
                    int parity = month;
                    for (int j = 0; j < n; j++) {
                        values.add(corners.get(j).get(index[j]));
                        parity += index[j];
                    }
                    long[] v = months.get(month).get(values);
                    boolean loses = parity % 2 == 0;
                    if (loses || layerChange) {
                        long needed = v == null ? 0 : layer == null ? v[0]
                                : !layerChange ? layer.count(v, u) : layer.count(v, loses ? u : partner);
                        if (needed == 0) {
                            return false;
                        }
                    }
                    int j = 0;
                    while (j < n && ++index[j] == corners.get(j).size()) {
                        index[j] = 0;
                        j++;
                    }
                    if (j == n) {
                        break;
                    }
                }
            }
            return true;
        }
    }

    private static int compare(List<String> a, List<String> b) {
        for (int d = 0; d < a.size(); d++) {
            int c = a.get(d).compareTo(b.get(d));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Every answer cell a change touches: its corners, seen through the asked dimensions. */
    private static void forEachCorner(Change change, List<Integer> asked, Consumer<List<String>> action) {
        List<List<String>> projected = new ArrayList<>();
        for (int position : asked) {
            projected.add(change.corners().get(position));
        }
        forEach(projected, action);
    }

    private static void forEach(List<List<String>> choices, Consumer<List<String>> action) {
        int n = choices.size();
        int[] index = new int[n];
        while (true) {
            List<String> values = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                values.add(choices.get(j).get(index[j]));
            }
            action.accept(values);
            int j = 0;
            while (j < n && ++index[j] == choices.get(j).size()) {
                index[j] = 0;
                j++;
            }
            if (j == n) {
                return;
            }
        }
    }
}
