package nl.gehoord.trends;

import java.util.Map;

/** Turns a cell's counts into what is published: suppressed where the disclosure control says so. */
final class CellBuilder {
    private CellBuilder() {
    }

    static TrendsTable.Cell cell(Map<String, String> key, Disclosure.CellKey cellKey, long[] counts,
                                 Disclosure.Hidden hidden, int k) {
        long[] v = counts == null ? new long[CaseFacts.VALUE_COLUMNS.length] : counts;
        if (hidden.cell(cellKey) || small(v[0], k)) {
            return new TrendsTable.Cell(key, true, null, null, null, null, null);
        }
        Long[] outcome = layer(Layer.OUTCOME, cellKey, v, hidden, k);
        Long[] formal = layer(Layer.FORMAL, cellKey, v, hidden, k);
        Long[] sla = layer(Layer.SLA, cellKey, v, hidden, k);
        Double share = sla[0] != null && sla[1] != null && sla[0] + sla[1] > 0
                ? Math.round(1000.0 * sla[0] / (sla[0] + sla[1])) / 1000.0 : null;
        return new TrendsTable.Cell(key, false, v[0],
                new TrendsTable.Outcomes(outcome[0], outcome[1], outcome[2], outcome[3], formal[0]),
                new TrendsTable.Sla(sla[0], sla[1], sla[2], share),
                duration(v, CaseFacts.FR_OFFSET, k), duration(v, CaseFacts.RES_OFFSET, k));
    }

    private static boolean small(long n, int k) {
        return n > 0 && n < k;
    }

    /** A layer's published values; if any value is small yet unmarked (never expected), the whole layer is hidden. */
    private static Long[] layer(Layer layer, Disclosure.CellKey key, long[] v, Disclosure.Hidden hidden, int k) {
        Long[] out = new Long[layer.size()];
        for (int i = 0; i < layer.size(); i++) {
            long n = layer.count(v, i);
            if (small(n, k) && !hidden.layer(key, layer, i)) {
                return new Long[layer.size()];
            }
            out[i] = hidden.layer(key, layer, i) ? null : n;
        }
        return out;
    }

    /** Median and p90 from the histogram, only when at least k durations lie behind them. */
    private static TrendsTable.Duration duration(long[] v, int offset, int k) {
        long[] histogram = new long[TrendBuckets.COUNT];
        System.arraycopy(v, offset, histogram, 0, histogram.length);
        long n = java.util.Arrays.stream(histogram).sum();
        if (n < k) {
            return null;
        }
        return new TrendsTable.Duration(range(TrendBuckets.percentileBucket(histogram, 0.5)),
                range(TrendBuckets.percentileBucket(histogram, 0.9)));
    }

    private static TrendsTable.Range range(int bucket) {
        return new TrendsTable.Range(TrendBuckets.lowerHours(bucket), TrendBuckets.upperHours(bucket));
    }
}
