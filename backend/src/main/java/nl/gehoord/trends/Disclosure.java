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
     * whole cells. It alters the cells of every table that holds all its alternating dimensions.
     */
    record Change(List<List<String>> corners, boolean[] alternating, boolean layerChange, int layerValue,
                          int layerPartner) {
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
     * Marks what an answer must not publish.
     *
     * @param k        the minimum group size
     * @param domains  the values of the four category dimensions (topic, setting, region, age band)
     * @param asked    positions (0-3) of the asked category dimensions, in the asked order
     * @param byMonth  whether month is one of the asked dimensions
     * @param changes  month -> every protecting change of that month (see {@link #changes})
     */
    static Hidden protect(List<Integer> asked, boolean byMonth, Map<String, List<Change>> changes) {
        Hidden hidden = new Hidden();
        boolean[] askedSet = new boolean[4];
        asked.forEach(position -> askedSet[position] = true);
        changes.forEach((month, list) -> list.forEach(change -> apply(change, askedSet, asked, month, byMonth, hidden)));
        return hidden;
    }

    /**
     * Every protecting change of one month: one for each small number in every table of the month (all sixteen
     * combinations of the category dimensions, and every layer). Depends only on the month's data and k, so it is
     * the same whatever is asked, and can be kept while the month's data stays the same.
     */
    static List<Change> changes(int k, List<List<String>> domains, Map<List<String>, long[]> monthAtoms) {
        List<Change> changes = new ArrayList<>();
        for (int mask = 0; mask < 16; mask++) {
            boolean[] inS = new boolean[4];
            for (int d = 0; d < 4; d++) {
                inS[d] = (mask & (1 << d)) != 0;
            }
            for (Group cell : group(monthAtoms, inS).values()) {
                long[] v = cell.sum();
                if (v[0] > 0 && v[0] < k) {
                    changes.add(find(cell, inS, domains, monthAtoms, null, -1, k));
                }
                for (Layer layer : Layer.values()) {
                    for (int i = 0; i < layer.size(); i++) {
                        long n = layer.count(v, i);
                        if (n > 0 && n < k) {
                            changes.add(find(cell, inS, domains, monthAtoms, layer, i, k));
                        }
                    }
                }
            }
        }
        return changes;
    }

    private static void apply(Change change, boolean[] askedSet, List<Integer> asked, String month, boolean byMonth,
                              Hidden hidden) {
        if (change == null || !change.touches(askedSet)) {
            return;
        }
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
     * cell change), then over fewer of them, which touches more tables. The corners that lose a case must hold one,
     * so the changed data stays possible.
     */
    private static Change find(Group cell, boolean[] inS, List<List<String>> domains,
                               Map<List<String>, long[]> atoms, Layer layer, int layerValue, int k) {
        List<List<String>> inCell = cell.atoms().stream().sorted(Disclosure::compare).toList();
        for (Object[] option : options(inS, layer, cell.sum(), k)) {
            boolean[] alt = (boolean[]) option[0];
            boolean layerChange = (Boolean) option[1];
            for (List<String> atom : inCell) {
                if (layer != null && layer.count(atoms.get(atom), layerValue) == 0) {
                    continue;
                }
                int[] partners = layer == null || !layerChange ? new int[] {-1} : otherValues(layer, layerValue);
                for (int partner : partners) {
                    List<List<String>> base = new ArrayList<>();
                    for (int d = 0; d < 4; d++) {
                        base.add(List.of(atom.get(d)));
                    }
                    Change found = extend(base, 0, alt, domains, atoms, layer, layerValue, layerChange, partner);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        throw new IllegalStateException("a small cell holds no case");
    }

    /**
     * The kinds of change to try, in order: {alternating dimensions, layer change?}. A small count needs a cell
     * change. For a small layer value: changes over more dimensions first (they touch fewer tables); for the same
     * dimensions a layer change (it hides two layer values, not whole cells) before a cell change - except over all
     * the cell's dimensions when its count is small too: that cell is hidden anyway, so a cell change costs least.
     */
    private static List<Object[]> options(boolean[] inS, Layer layer, long[] sum, int k) {
        List<boolean[]> alternatives = subsetsBySize(inS);
        List<Object[]> options = new ArrayList<>();
        if (layer == null) {
            alternatives.forEach(alt -> options.add(new Object[] {alt, false}));
            return options;
        }
        boolean cellHidden = sum[0] > 0 && sum[0] < k;
        for (boolean[] alt : alternatives) {
            boolean cellFirst = cellHidden && alt == alternatives.get(0);
            options.add(new Object[] {alt, !cellFirst});
            options.add(new Object[] {alt, cellFirst});
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

    /** Chooses partners dimension by dimension (in list order), keeping only rectangles whose corners hold cases. */
    private static Change extend(List<List<String>> corners, int d, boolean[] alt, List<List<String>> domains,
                                 Map<List<String>, long[]> atoms, Layer layer, int u, boolean layerChange,
                                 int partner) {
        if (d == 4) {
            return allPositive(corners, atoms, layer, u, layerChange, partner)
                    ? new Change(List.copyOf(corners), alt.clone(), layerChange,
                            layer == null ? -1 : (layer.ordinal() << 8) | u, partner) : null;
        }
        if (!alt[d] || domains.get(d).size() < 2) {
            if (alt[d]) {
                return null; // nothing to alternate with
            }
            return extend(corners, d + 1, alt, domains, atoms, layer, u, layerChange, partner);
        }
        String value = corners.get(d).get(0);
        for (String other : domains.get(d)) {
            if (other.equals(value)) {
                continue;
            }
            List<List<String>> next = new ArrayList<>(corners);
            next.set(d, List.of(value, other));
            if (!allPositive(next, atoms, layer, u, layerChange, partner)) {
                continue; // corners fixed so far must already hold cases
            }
            Change found = extend(next, d + 1, alt, domains, atoms, layer, u, layerChange, partner);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Whether the change can be made without any count going below zero. The change takes one case away at the
     * small cell's own atom and at every corner an even number of steps from it, and adds one at the others (for a
     * layer change: moves one case from the small value to the partner value there, and back at the others). So
     * the corners that lose a case must hold one; the corners that gain one may be empty.
     */
    private static boolean allPositive(List<List<String>> corners, Map<List<String>, long[]> atoms, Layer layer,
                                       int u, boolean layerChange, int partner) {
        int n = corners.size();
        int[] index = new int[n];
        while (true) {
            List<String> values = new ArrayList<>(n);
            int parity = 0;
            for (int j = 0; j < n; j++) {
                values.add(corners.get(j).get(index[j]));
                parity += index[j];
            }
            long[] v = atoms.get(values);
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
                return true;
            }
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
