package nl.gehoord.trends;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.gehoord.db.Database;
import nl.gehoord.signals.SignalService;

/**
 * Signal counts per theme and month for councils, protected as case counts are: each signal has a random record key
 * (drawn the first time its month is published, from the injected random source, the same for every scope); a
 * month's count per theme is perturbed once with the month table ({@link PTable}) and stored, so it never changes
 * and never depends on the date it is asked; a range is the sum of its months. Only ended months.
 */
final class SignalTrends {
    /** The themes in the order answers list them. */
    static final List<String> THEMES = SignalService.THEMES.keySet().stream()
            .sorted((a, b) -> a.equals("other") ? 1 : b.equals("other") ? -1 : a.compareTo(b)).toList();
    static final String THEME = "theme";

    private final Database db;
    private final PTable ptable;
    private final SecureRandom random;
    /** Published months per scope, kept for good once stored (they never change): scope key, then month. */
    private final Map<String, Map<String, Long>> kept = new ConcurrentHashMap<>();

    SignalTrends(Database db, PTable ptable, SecureRandom random) {
        this.db = db;
        this.ptable = ptable;
        this.random = random;
    }

    /** Forgets the kept months (see {@link TrendsService#forgetKept}). */
    void forgetKept() {
        kept.clear();
    }

    private static long start(YearMonth month) {
        return month.atDay(1).atStartOfDay(TrendDims.ZONE).toInstant().toEpochMilli();
    }

    /** The published counts of each month of from..to (all ended), by theme; published now where needed. */
    private Map<String, Map<String, Long>> months(CouncilScope scope, YearMonth from, YearMonth to) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, Long> month = kept.get(scope.key() + "|" + m);
            if (month != null) {
                out.put(m.toString(), month);
            } else {
                missing.add(m);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        String key = scope.key();
        db.writeVoid(h -> {
            SignalTrendsDao dao = h.attach(SignalTrendsDao.class);
            for (YearMonth m : missing) {
                if (dao.claim(key, m.toString()) == 0) {
                    continue;
                }
                long a = start(m);
                long b = start(m.plusMonths(1));
                List<String> keyless = dao.withoutKey(a, b);
                if (!keyless.isEmpty()) {
                    List<Long> keys = new ArrayList<>();
                    keyless.forEach(id -> keys.add(Integer.toUnsignedLong(random.nextInt())));
                    dao.insertKeys(keyless, keys);
                }
                List<SignalTrendsDao.Keyed> signals = CouncilScope.PROVIDER.equals(scope.kind())
                        ? dao.ofProviders(scope.values(), a, b) : dao.ofMunicipalities(scope.values(), a, b);
                Map<String, long[]> sums = new LinkedHashMap<>();
                for (SignalTrendsDao.Keyed s : signals) {
                    long[] sum = sums.computeIfAbsent(s.theme(), t -> new long[2]);
                    sum[0]++;
                    sum[1] += s.recordKey();
                }
                List<String> themes = new ArrayList<>();
                List<Long> counts = new ArrayList<>();
                sums.forEach((theme, sum) -> {
                    themes.add(theme);
                    counts.add(ptable.publish(sum[0], sum[1]));
                });
                dao.insertCells(key, m.toString(), themes, counts);
            }
        });
        db.read(h -> {
            SignalTrendsDao dao = h.attach(SignalTrendsDao.class);
            String first = missing.get(0).toString();
            String last = missing.get(missing.size() - 1).toString();
            Map<String, Map<String, Long>> read = new HashMap<>();
            dao.published(key, first, last).forEach(m -> read.put(m, new HashMap<>()));
            dao.cells(key, first, last).forEach(c -> read.get(c.month()).put(c.theme(), c.signals()));
            for (YearMonth m : missing) {
                Map<String, Long> month = Map.copyOf(read.get(m.toString()));
                kept.put(key + "|" + m, month);
                out.put(m.toString(), month);
            }
            return null;
        });
        return out;
    }

    /** The answer: per theme (and per month when asked), each a published month's count or a sum of them. */
    SignalTrendsTable answer(CouncilScope scope, TrendsQuery query, TrendsTable.Perturbation perturbation) {
        Map<String, Map<String, Long>> months = months(scope, query.from(), query.to());
        List<SignalTrendsTable.Cell> cells = new ArrayList<>();
        long total = 0;
        List<String> asked = query.byMonth() ? query.months() : java.util.Collections.singletonList(null);
        for (String month : asked) {
            for (String theme : THEMES) {
                long n = 0;
                if (month != null) {
                    n = months.get(month).getOrDefault(theme, 0L);
                } else {
                    for (Map<String, Long> m : months.values()) {
                        n += m.getOrDefault(theme, 0L);
                    }
                }
                total += n;
                Map<String, String> key = new LinkedHashMap<>();
                if (month != null) {
                    key.put(TrendDims.MONTH, month);
                }
                key.put(THEME, theme);
                cells.add(new SignalTrendsTable.Cell(key, n));
            }
        }
        return new SignalTrendsTable(query.from().toString(), query.to().toString(), query.by(), scope, perturbation,
                cells, new SignalTrendsTable.Cell(Map.of(), total));
    }
}
