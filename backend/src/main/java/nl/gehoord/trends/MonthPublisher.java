package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Computes the published cells of one month of a scope from its rollup rows: every table a query can be built from
 * (each set of up to three of topic, setting, region and age band, and the total), each cell perturbed with the
 * cell-key method. Pure: the same rows give the same cells.
 */
final class MonthPublisher {
    /** The category dimensions, in the order the rollup rows carry them and the stored tables name them. */
    static final List<String> CATEGORY_DIMS = List.of(TrendDims.TOPIC, TrendDims.SETTING, TrendDims.REGION,
            TrendDims.AGE_BAND);

    /** A stored table: which category dimensions (positions in CATEGORY_DIMS) it breaks the month down by. */
    record Table(List<Integer> positions) {
        String code() {
            StringJoiner names = new StringJoiner(",");
            positions.forEach(p -> names.add(CATEGORY_DIMS.get(p)));
            return names.toString();
        }
    }

    /** Every table with up to three category dimensions, the total (no dimension) included. */
    static final List<Table> TABLES = tables();

    private MonthPublisher() {
    }

    private static List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (int mask = 0; mask < 1 << CATEGORY_DIMS.size(); mask++) {
            if (Integer.bitCount(mask) > TrendsQuery.MAX_DIMENSIONS) {
                continue;
            }
            List<Integer> positions = new ArrayList<>();
            for (int d = 0; d < CATEGORY_DIMS.size(); d++) {
                if ((mask & (1 << d)) != 0) {
                    positions.add(d);
                }
            }
            tables.add(new Table(List.copyOf(positions)));
        }
        return List.copyOf(tables);
    }

    /** The code of the table with these category dimensions (in any order). */
    static String tableCode(List<String> dims) {
        return new Table(CATEGORY_DIMS.stream().filter(dims::contains).map(CATEGORY_DIMS::indexOf).toList()).code();
    }

    /** The counts of a cell that are perturbed: cases, the seven layer values, first responses pending. */
    private static final int COUNTS = 9;

    /** A cell being added up: its value columns, and per count (cases, layer values, pending) its months with any. */
    private static final class Sum {
        final long[] v;
        final Set<String>[] months;

        @SuppressWarnings("unchecked")
        Sum(int length) {
            v = new long[length];
            months = new Set[COUNTS];
            for (int i = 0; i < COUNTS; i++) {
                months[i] = new HashSet<>(2);
            }
        }

        void add(PublishedTrendsDao.Atom atom) {
            long[] a = atom.v();
            for (int i = 0; i < v.length; i++) {
                v[i] += a[i];
            }
            for (int i = 0; i < COUNTS - 1; i++) {
                if (a[i] != 0) {
                    months[i].add(atom.month());
                }
            }
            if (a[0] - a[6] - a[7] != 0) {
                months[COUNTS - 1].add(atom.month());
            }
        }
    }

    /**
     * The cells of one publication (a month, or the months of a year) from the scope's rollup rows of its months.
     * A count whose cases all lie in one month is the same set of cases as that month's count, with the same key:
     * it is perturbed with {@code monthTable}, so that it shows the same number as the month does; a count of cases
     * from several months with {@code wideTable}. Only the tables with at most {@code maxDimensions} category
     * dimensions.
     */
    static List<PublishedCell> cells(String month, List<PublishedTrendsDao.Atom> atoms, PTable monthTable,
                                     PTable wideTable, int maxDimensions) {
        List<PublishedCell> cells = new ArrayList<>();
        for (Table table : TABLES) {
            if (table.positions().size() > maxDimensions) {
                continue;
            }
            Map<String, Sum> sums = new TreeMap<>();
            for (PublishedTrendsDao.Atom atom : atoms) {
                StringJoiner code = new StringJoiner(PublishedCell.SEPARATOR);
                table.positions().forEach(p -> code.add(atom.values().get(p)));
                sums.computeIfAbsent(code.toString(), c -> new Sum(atom.v().length)).add(atom);
            }
            String dims = table.code();
            sums.forEach((code, sum) -> {
                if (sum.v[0] > 0) {
                    PTable[] tables = new PTable[COUNTS];
                    for (int i = 0; i < COUNTS; i++) {
                        tables[i] = sum.months[i].size() > 1 ? wideTable : monthTable;
                    }
                    cells.add(perturbed(dims, month, code, sum.v, tables));
                }
            });
        }
        return cells;
    }

    /**
     * One cell: each count (and each layer value) perturbed with its own cell key and its table ({@code tables}:
     * cases, the seven layer values, pending); a cell published as 0 is all 0.
     */
    static PublishedCell perturbed(String dims, String month, String code, long[] v, PTable[] tables) {
        int k = CaseFacts.KEY_OFFSET;
        long cases = tables[0].publish(v[0], v[k]);
        String fr = histogram(v, CaseFacts.FR_OFFSET);
        String res = histogram(v, CaseFacts.RES_OFFSET);
        if (cases == 0) {
            return new PublishedCell(dims, month, code, 0, 0, 0, 0, 0, 0, 0, 0, 0, fr, res);
        }
        long pendingCount = v[0] - v[6] - v[7];
        long pendingKey = v[k] - v[k + 6] - v[k + 7];
        return new PublishedCell(dims, month, code, cases, tables[1].publish(v[1], v[k + 1]),
                tables[2].publish(v[2], v[k + 2]), tables[3].publish(v[3], v[k + 3]),
                tables[4].publish(v[4], v[k + 4]), tables[5].publish(v[5], v[k + 5]),
                tables[6].publish(v[6], v[k + 6]), tables[7].publish(v[7], v[k + 7]),
                tables[8].publish(pendingCount, pendingKey), fr, res);
    }

    /**
     * The month's cells once its layer values are final: the counts stay as first published (a published count
     * never changes), the layer values and histograms are computed from the rows as they are now.
     */
    static List<PublishedCell> withFinalLayers(List<PublishedCell> first, List<PublishedCell> now) {
        Map<String, PublishedCell> current = new HashMap<>();
        now.forEach(c -> current.put(c.dims() + "\n" + c.cell(), c));
        List<PublishedCell> merged = new ArrayList<>();
        for (PublishedCell old : first) {
            PublishedCell c = current.get(old.dims() + "\n" + old.cell());
            if (c == null || old.cases() == 0) {
                merged.add(new PublishedCell(old.dims(), old.month(), old.cell(), old.cases(), 0, 0, 0, 0, 0, 0, 0, 0,
                        c == null ? null : c.frHist(), c == null ? null : c.resHist()));
            } else {
                merged.add(new PublishedCell(old.dims(), old.month(), old.cell(), old.cases(), c.open(), c.resolved(),
                        c.closed(), c.withdrawn(), c.formal(), c.slaMet(), c.slaMissed(), c.slaPending(), c.frHist(),
                        c.resHist()));
            }
        }
        return merged;
    }

    private static String histogram(long[] v, int offset) {
        StringJoiner out = new StringJoiner(",");
        boolean any = false;
        for (int i = 0; i < TrendBuckets.COUNT; i++) {
            any |= v[offset + i] != 0;
            out.add(Long.toString(v[offset + i]));
        }
        return any ? out.toString() : null;
    }
}
