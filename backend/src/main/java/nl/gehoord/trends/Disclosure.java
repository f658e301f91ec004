package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control: which cells of an answer are suppressed. See docs/trends.md for the method in plain words.
 *
 * <p>Every number a council can get is a sum of counts in the scope's month-by-category cube. For every small
 * count (between 1 and k-1) in any month's table of any combination of dimensions, a protecting change is fixed:
 * +1/-1 on the corners of a (hyper)rectangle, alternating over the small cell's dimensions (each paired with a
 * partner value of the same month), placed on fixed values of the other dimensions and inside that month. Such a
 * change leaves every total of the rectangle's rows and columns unchanged. A number is published only when none of
 * these changes alters it. So two cubes that differ by such a change give exactly the same answers to every query
 * - every combination of dimensions, every range of months, every total - while they differ in each suppressed
 * cell: no sum or difference of published numbers can pin a suppressed cell down.
 *
 * <p>The changes depend only on the scope's data (the month's tables and fixed rules), never on the query asked,
 * which is what keeps answers to overlapping queries consistent. Only the parts that can touch the asked table are
 * computed: changes over dimensions outside the query, or in months outside the range, leave it unchanged.
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

    private Disclosure() {
    }

    /**
     * @param k         the minimum group size
     * @param domains   the values of each asked (non-month) dimension; the first value is the fixed placement value
     * @param byMonth   whether month is one of the asked dimensions
     * @param perMonth  month -> (values of the asked dimensions -> rollup value vector), only non-empty cells
     */
    static Hidden protect(int k, List<List<String>> domains, boolean byMonth,
                          Map<String, Map<List<String>, long[]>> perMonth) {
        Hidden hidden = new Hidden();
        int q = domains.size();
        for (Map.Entry<String, Map<List<String>, long[]>> month : perMonth.entrySet()) {
            Map<List<String>, long[]> rows = month.getValue();
            List<Map<String, Long>> oneDim = oneDimensional(rows, q);
            for (int mask = 0; mask < (1 << q); mask++) {
                for (Map.Entry<List<String>, long[]> cell : group(rows, mask, q).entrySet()) {
                    long[] v = cell.getValue();
                    List<List<String>> corners = corners(cell.getKey(), mask, domains, oneDim);
                    if (v[0] > 0 && v[0] < k) {
                        forEachCorner(corners, values -> hidden.cells.add(key(month.getKey(), byMonth, values)));
                    }
                    for (Layer layer : Layer.values()) {
                        for (int i = 0; i < layer.size(); i++) {
                            long n = layer.count(v, i);
                            if (n > 0 && n < k) {
                                int index = i;
                                forEachCorner(corners, values -> {
                                    CellKey key = key(month.getKey(), byMonth, values);
                                    hidden.markLayer(key, layer, index);
                                    hidden.markLayer(key, layer, layer.partner(index));
                                });
                            }
                        }
                    }
                }
            }
        }
        return hidden;
    }

    private static CellKey key(String month, boolean byMonth, List<String> values) {
        return new CellKey(byMonth ? month : null, values);
    }

    /** The month's table over the dimensions in {@code mask}; other positions hold null. */
    private static Map<List<String>, long[]> group(Map<List<String>, long[]> rows, int mask, int q) {
        Map<List<String>, long[]> table = new LinkedHashMap<>();
        for (Map.Entry<List<String>, long[]> row : rows.entrySet()) {
            List<String> key = new ArrayList<>(q);
            for (int j = 0; j < q; j++) {
                key.add((mask & (1 << j)) != 0 ? row.getKey().get(j) : null);
            }
            long[] sum = table.computeIfAbsent(key, x -> new long[row.getValue().length]);
            long[] v = row.getValue();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return table;
    }

    private static List<Map<String, Long>> oneDimensional(Map<List<String>, long[]> rows, int q) {
        List<Map<String, Long>> counts = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            Map<String, Long> byValue = new HashMap<>();
            for (Map.Entry<List<String>, long[]> row : rows.entrySet()) {
                byValue.merge(row.getKey().get(j), row.getValue()[0], Long::sum);
            }
            counts.add(byValue);
        }
        return counts;
    }

    /** Per asked dimension: the cell's value and its partner (inside the mask), or the fixed value (outside). */
    private static List<List<String>> corners(List<String> cell, int mask, List<List<String>> domains,
                                              List<Map<String, Long>> oneDim) {
        List<List<String>> corners = new ArrayList<>();
        for (int j = 0; j < domains.size(); j++) {
            List<String> domain = domains.get(j);
            if ((mask & (1 << j)) == 0) {
                corners.add(List.of(domain.get(0)));
            } else {
                String value = cell.get(j);
                String partner = partner(value, domain, oneDim.get(j));
                corners.add(partner == null ? List.of(value) : List.of(value, partner));
            }
        }
        return corners;
    }

    /** The other value with the smallest non-zero count this month (ties: list order), else the first other value. */
    static String partner(String value, List<String> domain, Map<String, Long> counts) {
        String best = null;
        long bestCount = Long.MAX_VALUE;
        String firstOther = null;
        for (String candidate : domain) {
            if (candidate.equals(value)) {
                continue;
            }
            if (firstOther == null) {
                firstOther = candidate;
            }
            long n = counts.getOrDefault(candidate, 0L);
            if (n > 0 && n < bestCount) {
                best = candidate;
                bestCount = n;
            }
        }
        return best != null ? best : firstOther;
    }

    private static void forEachCorner(List<List<String>> corners, java.util.function.Consumer<List<String>> action) {
        int n = corners.size();
        int[] index = new int[n];
        while (true) {
            List<String> values = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                values.add(corners.get(j).get(index[j]));
            }
            action.accept(List.copyOf(values));
            int j = 0;
            while (j < n && ++index[j] == corners.get(j).size()) {
                index[j] = 0;
                j++;
            }
            if (j == n) {
                return;
            }
        }
    }
}
