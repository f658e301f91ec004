package nl.gehoord.trends;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;

/**
 * Counts every case of an empty rollup at once, for benchmark data: the facts of each case as {@link TrendRollup}
 * makes them (same code, same record key draw per case in id order), the rollup rows added up in memory and written
 * in a few large transactions of prepared batches. The result equals counting each case through the rollup
 * ({@code TrendBulkLoadTest}).
 */
public final class TrendBulkLoad {
    private static final int BATCH = 50_000;
    /** The value columns' parameters, bound from one map per row. */
    private static final String VALUES = java.util.stream.Stream.of(CaseFacts.VALUE_COLUMNS).map(c -> ":v." + c)
            .collect(java.util.stream.Collectors.joining(", "));

    private TrendBulkLoad() {
    }

    /** One rollup row being added up: the cell (facts with its coordinates) and its value columns. */
    private record Row(CaseFacts cell, long[] v) {
    }

    /**
     * Counts every case in the cases table; the trend tables must be empty.
     *
     * @return how many cases were counted
     */
    public static int load(Database db, SecretHasher hasher, Clock clock, SecureRandom random) {
        TrendRollup rollup = new TrendRollup(hasher, clock, random);
        List<TrendBulkDao.CaseRowWithId> cases = db.read(h -> h.attach(TrendBulkDao.class).cases());
        long now = clock.millis();
        List<String> keys = new ArrayList<>(cases.size());
        List<CaseFacts> facts = new ArrayList<>(cases.size());
        Map<String, Row> rollupRows = new HashMap<>();
        Map<String, Row> regionRows = new HashMap<>();
        TreeSet<String> months = new TreeSet<>();
        for (TrendBulkDao.CaseRowWithId c : cases) {
            TrendRollupDao.CaseRow row = c.row();
            CaseFacts f = TrendRollup.facts(row.topic(), row.setting(), row.regionCode(), row.ageBand(), row.provider(),
                    row.status(), row.createdAt(), row.firstResponseAt(), row.firstResponseDueAt(), row.closedAt(),
                    row.formalEvents() > 0, null, now).withRecordKey(Integer.toUnsignedLong(random.nextInt()));
            keys.add(rollup.factKey(c.id()));
            facts.add(f);
            months.add(f.month());
            long[] contribution = f.contribution();
            add(rollupRows, String.join("\n", f.month(), f.topic(), f.setting(), f.regionCode(), f.ageBand(),
                    f.provider()), f, contribution);
            add(regionRows, String.join("\n", f.month(), f.topic(), f.setting(), f.regionCode(), f.ageBand()), f,
                    contribution);
        }
        cases = null;
        db.writeVoid(h -> h.attach(TrendBulkDao.class).markMonths(List.copyOf(months)));
        for (int start = 0; start < facts.size(); start += BATCH) {
            List<String> k = keys.subList(start, Math.min(keys.size(), start + BATCH));
            List<CaseFacts> f = facts.subList(start, Math.min(facts.size(), start + BATCH));
            db.writeVoid(h -> h.attach(TrendBulkDao.class).insertFacts(k, f));
        }
        write(db, new ArrayList<>(rollupRows.values()), false);
        write(db, new ArrayList<>(regionRows.values()), true);
        return facts.size();
    }

    private static void add(Map<String, Row> rows, String id, CaseFacts cell, long[] contribution) {
        long[] v = rows.computeIfAbsent(id, x -> new Row(cell, new long[contribution.length])).v();
        for (int i = 0; i < v.length; i++) {
            v[i] += contribution[i];
        }
    }

    private static void write(Database db, List<Row> rows, boolean region) {
        for (int start = 0; start < rows.size(); start += BATCH) {
            List<Row> chunk = rows.subList(start, Math.min(rows.size(), start + BATCH));
            List<CaseFacts> cells = chunk.stream().map(Row::cell).toList();
            List<Map<String, Object>> values = chunk.stream().map(r -> values(r.v())).toList();
            db.writeVoid(h -> {
                TrendBulkDao dao = h.attach(TrendBulkDao.class);
                if (region) {
                    dao.insertRegionRollup(cells, values, TrendRollupDao.COLUMNS, VALUES);
                } else {
                    dao.insertRollup(cells, values, TrendRollupDao.COLUMNS, VALUES);
                }
            });
        }
    }

    private static Map<String, Object> values(long[] v) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            values.put(CaseFacts.VALUE_COLUMNS[i], v[i]);
        }
        return values;
    }
}
