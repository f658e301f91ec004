package nl.gehoord.trends;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored tables of published months and years, kept in memory once read: a warm answer adds up tables without
 * asking the database. A table changes only when its publication's layer values become final, on a date fixed by
 * the publication's last month ({@link TrendPublisher#layersFinal}); so a kept table that is final is kept for good,
 * and one that is not final is used only while that date has not come (then it is read again, after the
 * publication was made final by this or another server instance). Bounded: when it holds {@link #MAX_TABLES}
 * tables it starts afresh.
 */
final class PublishedCache {
    static final int MAX_TABLES = 50_000;

    /** Which stored table: a scope, a publication (span and last month) and the table's category dimensions. */
    record Key(String scopeKey, Span span, String month, String dims) {
    }

    /**
     * One stored table: whether its layer values are final, and its cells (values in the stored order of
     * {@link MonthPublisher#CATEGORY_DIMS}; numbers: the nine counts, then both duration histograms).
     */
    record Table(boolean layersFinal, List<Cell> cells) {
    }

    record Cell(String[] values, long[] v) {
        static final int HIST = 9;
        static final int LENGTH = HIST + 2 * TrendBuckets.COUNT;
    }

    private final Map<Key, Table> tables = new ConcurrentHashMap<>();

    Table get(Key key) {
        return tables.get(key);
    }

    void clear() {
        tables.clear();
    }

    void put(Key key, Table table) {
        if (tables.size() >= MAX_TABLES) {
            tables.clear();
        }
        tables.put(key, table);
    }

    /** A stored table as read from the database. */
    static Table table(boolean layersFinal, List<PublishedCell> stored) {
        return new Table(layersFinal, stored.stream().map(PublishedCache::cell).toList());
    }

    private static Cell cell(PublishedCell c) {
        long[] v = new long[Cell.LENGTH];
        long[] counts = {c.cases(), c.open(), c.resolved(), c.closed(), c.withdrawn(), c.formal(), c.slaMet(),
            c.slaMissed(), c.slaPending()};
        System.arraycopy(counts, 0, v, 0, counts.length);
        histogram(v, Cell.HIST, c.frHist());
        histogram(v, Cell.HIST + TrendBuckets.COUNT, c.resHist());
        String[] values = c.cell().isEmpty() ? new String[0] : c.cell().split(PublishedCell.SEPARATOR, -1);
        return new Cell(values, v);
    }

    private static void histogram(long[] v, int offset, String stored) {
        if (stored == null) {
            return;
        }
        int i = offset;
        int start = 0;
        for (int pos = 0; pos <= stored.length(); pos++) {
            if (pos == stored.length() || stored.charAt(pos) == ',') {
                v[i++] = Long.parseLong(stored, start, pos, 10);
                start = pos + 1;
            }
        }
    }
}
