package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The true counts behind a trends answer, read straight from the rollup: what the tests compare the published numbers with. */
final class TrendTruth {
    private TrendTruth() {
    }

    private static String column(String dim) {
        return switch (dim) {
            case TrendDims.REGION -> "region_code";
            case TrendDims.AGE_BAND -> "age_band";
            default -> dim;
        };
    }

    /** True counts of cases (or of a value column, e.g. o_withdrawn) per cell, keyed by the values in the asked order. */
    static Map<List<String>, Long> counts(Handle h, CouncilScope scope, List<String> by, YearMonth from, YearMonth to,
                                          String valueColumn) {
        boolean provider = CouncilScope.PROVIDER.equals(scope.kind());
        List<String> values = provider ? scope.values() : CouncilScopes.regionsOf(h, scope);
        Map<List<String>, Long> out = new HashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        String cols = by.isEmpty() ? "'all'" : String.join(", ", by.stream().map(TrendTruth::column).toList());
        String sql = "SELECT " + cols + ", SUM(" + valueColumn + ") FROM "
                + (provider ? "trend_rollup WHERE provider" : "trend_rollup_region WHERE region_code")
                + " IN (<values>) AND month >= :from AND month <= :to GROUP BY " + cols;
        h.createQuery(sql).bindList("values", values).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < by.size(); i++) {
                        key.add(rs.getString(i + 1));
                    }
                    out.merge(key, rs.getLong(by.isEmpty() ? 2 : by.size() + 1), Long::sum);
                    return 0;
                }).forEach(x -> { });
        return out;
    }

    static Map<List<String>, Long> counts(Handle h, CouncilScope scope, List<String> by, YearMonth from, YearMonth to) {
        return counts(h, scope, by, from, to, "cases");
    }

    /** The published counts of a table, keyed like {@link #counts}. */
    static Map<List<String>, Long> published(TrendsTable table) {
        Map<List<String>, Long> out = new HashMap<>();
        for (TrendsTable.Cell cell : table.cells()) {
            out.put(table.by().stream().map(d -> cell.key().get(d)).toList(), cell.cases());
        }
        return out;
    }
}
