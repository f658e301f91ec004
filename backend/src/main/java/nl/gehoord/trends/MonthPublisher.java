package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    static List<PublishedCell> cells(String month, List<PublishedTrendsDao.Atom> atoms, PTable ptable) {
        List<PublishedCell> cells = new ArrayList<>();
        for (Table table : TABLES) {
            Map<String, long[]> sums = new TreeMap<>();
            for (PublishedTrendsDao.Atom atom : atoms) {
                StringJoiner code = new StringJoiner(PublishedCell.SEPARATOR);
                table.positions().forEach(p -> code.add(atom.values().get(p)));
                long[] sum = sums.computeIfAbsent(code.toString(), c -> new long[atom.v().length]);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += atom.v()[i];
                }
            }
            String dims = table.code();
            sums.forEach((code, v) -> {
                if (v[0] > 0) {
                    cells.add(perturbed(dims, month, code, v, ptable));
                }
            });
        }
        return cells;
    }

    /** One cell: each count (and each layer value) perturbed with its own cell key; a cell published as 0 is all 0. */
    static PublishedCell perturbed(String dims, String month, String code, long[] v, PTable ptable) {
        int k = CaseFacts.KEY_OFFSET;
        long cases = ptable.publish(v[0], v[k]);
        String fr = histogram(v, CaseFacts.FR_OFFSET);
        String res = histogram(v, CaseFacts.RES_OFFSET);
        if (cases == 0) {
            return new PublishedCell(dims, month, code, 0, 0, 0, 0, 0, 0, 0, 0, 0, fr, res);
        }
        long pendingCount = v[0] - v[6] - v[7];
        long pendingKey = v[k] - v[k + 6] - v[k + 7];
        return new PublishedCell(dims, month, code, cases, ptable.publish(v[1], v[k + 1]),
                ptable.publish(v[2], v[k + 2]), ptable.publish(v[3], v[k + 3]), ptable.publish(v[4], v[k + 4]),
                ptable.publish(v[5], v[k + 5]), ptable.publish(v[6], v[k + 6]), ptable.publish(v[7], v[k + 7]),
                ptable.publish(pendingCount, pendingKey), fr, res);
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
