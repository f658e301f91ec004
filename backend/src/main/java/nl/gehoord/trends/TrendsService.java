package nl.gehoord.trends;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Answers a council's trends query from the rollup, within the council's scope, with small cells suppressed. */
public final class TrendsService {
    private static final String SUMS = String.join(", ",
            java.util.Arrays.stream(CaseFacts.VALUE_COLUMNS).map(c -> "SUM(" + c + ")").toList());

    private final Database db;
    private final Clock clock;
    private final ChangeCache cache;

    public TrendsService(Database db, Clock clock) {
        this(db, clock, new ChangeCache());
    }

    /** With the cache of protecting changes the background warm-up ({@link TrendsWarmer}) fills. */
    public TrendsService(Database db, Clock clock, ChangeCache cache) {
        this.db = db;
        this.clock = clock;
        this.cache = cache;
    }

    public TrendsQuery parse(String from, String to, String by) {
        return TrendsQuery.parse(from, to, by, YearMonth.now(clock.withZone(TrendDims.ZONE)));
    }

    public TrendsTable trends(Actor.Staff council, TrendsQuery query) {
        return db.read(h -> {
            CouncilScope scope = CouncilScopes.scopeOf(h, council.staffId())
                    .orElseThrow(() -> new ApiException(403, "council_scope_missing"));
            int k = TrendSettings.minCellSize(h, council.organisationId());
            return answer(h, cache, scope, k, query, lastEnded(clock));
        });
    }

    /** Region names by code, for labels. */
    public Map<String, String> regionNames() {
        return db.read(h -> {
            Map<String, String> names = new TreeMap<>();
            h.createQuery("SELECT code, name FROM regions").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }

    /** The last month that has ended (in the Netherlands): the last month a council can ask for. */
    static YearMonth lastEnded(Clock clock) {
        return YearMonth.now(clock.withZone(TrendDims.ZONE)).minusMonths(1);
    }

    /** The four category dimensions, in the order the atoms carry them. */
    static final List<String> CATEGORY_DIMS = List.of(TrendDims.TOPIC, TrendDims.SETTING, TrendDims.REGION,
            TrendDims.AGE_BAND);

    /** The other month of a month's fixed pair (January-February, March-April, ...). */
    static YearMonth pairOf(YearMonth month) {
        return month.getMonthValue() % 2 == 1 ? month.plusMonths(1) : month.minusMonths(1);
    }

    /**
     * @param lastEnded the last month that has ended: a month after it is never used, not even to pair with
     */
    static TrendsTable answer(Handle h, ChangeCache cache, CouncilScope scope, int k, TrendsQuery query,
                              YearMonth lastEnded) {
        List<String> regions = CouncilScopes.regionsOf(h, scope);
        List<List<String>> allDomains = CATEGORY_DIMS.stream().map(d -> domain(d, regions)).toList();
        List<String> dims = query.categoryDims();
        List<Integer> asked = dims.stream().map(CATEGORY_DIMS::indexOf).toList();
        List<List<String>> domains = asked.stream().map(allDomains::get).toList();
        // Load whole pairs of months: a change in the other month of a pair cut by the range can touch it.
        YearMonth loadFrom = query.from().getMonthValue() % 2 == 0 ? query.from().minusMonths(1) : query.from();
        YearMonth loadTo = query.to().getMonthValue() % 2 == 1 && !query.to().plusMonths(1).isAfter(lastEnded)
                ? query.to().plusMonths(1) : query.to();
        Map<String, Map<List<String>, long[]>> loaded = load(h, scope, regions, loadFrom, loadTo);
        java.util.Set<String> askedMonths = new java.util.HashSet<>(query.months());
        Map<String, Map<List<String>, long[]>> atoms = new TreeMap<>();
        loaded.forEach((month, rows) -> {
            if (askedMonths.contains(month)) {
                atoms.put(month, rows);
            }
        });

        Map<String, List<Disclosure.Change>> changes = new TreeMap<>();
        loaded.forEach((month, monthAtoms) -> changes.put(month,
                monthChanges(cache, scope, k, allDomains, loaded, month, lastEnded)));
        Disclosure.Hidden hidden = Disclosure.protect(asked, query.byMonth(), askedMonths, changes);
        Map<Disclosure.CellKey, long[]> sums = new java.util.HashMap<>();
        atoms.forEach((month, rows) -> rows.forEach((atom, v) -> {
            List<String> values = new ArrayList<>(asked.size());
            for (int position : asked) {
                values.add(atom.get(position));
            }
            add(sums.computeIfAbsent(new Disclosure.CellKey(query.byMonth() ? month : null, values),
                    x -> new long[v.length]), v);
        }));

        List<TrendsTable.Cell> cells = new ArrayList<>();
        List<String> months = query.byMonth() ? query.months() : java.util.Collections.singletonList(null);
        for (String month : months) {
            for (List<String> values : cross(domains)) {
                Disclosure.CellKey key = new Disclosure.CellKey(month, values);
                Map<String, String> keyMap = new LinkedHashMap<>();
                for (String d : query.by()) {
                    keyMap.put(d, d.equals(TrendDims.MONTH) ? month : values.get(dims.indexOf(d)));
                }
                cells.add(CellBuilder.cell(keyMap, key, sums.get(key), hidden, k));
            }
        }

        Disclosure.Hidden totalHidden = Disclosure.protect(List.of(), false, askedMonths, changes);
        long[] all = new long[CaseFacts.VALUE_COLUMNS.length];
        atoms.values().forEach(rows -> rows.values().forEach(v -> add(all, v)));
        TrendsTable.Cell total = CellBuilder.cell(Map.of(), new Disclosure.CellKey(null, List.of()), all, totalHidden, k);
        return new TrendsTable(query.from().toString(), query.to().toString(), query.by(), k, scope, cells, total);
    }

    /** One month's protecting changes, from the cache when they were computed for the same data. */
    private static List<Disclosure.Change> monthChanges(ChangeCache cache, CouncilScope scope, int k,
                                                        List<List<String>> allDomains,
                                                        Map<String, Map<List<String>, long[]>> loaded, String month,
                                                        YearMonth lastEnded) {
        YearMonth partner = pairOf(YearMonth.parse(month));
        boolean pairable = !partner.isAfter(lastEnded);
        return cache.changes(scope.kind() + "\u0001" + String.join("\u0000", scope.values()), month, k, allDomains,
                loaded.getOrDefault(month, Map.of()), pairable ? partner.toString() : null,
                pairable ? loaded.getOrDefault(partner.toString(), Map.of()) : null);
    }

    /**
     * Computes ahead (into the cache) the protecting changes of the given months and of the other month of each
     * one's pair, exactly as a query touching them would: the background warm-up calls this. Months after
     * {@code lastEnded} and months without cases in the scope are skipped (a query never needs them).
     *
     * @return how many months' changes had to be computed (the others were ready)
     */
    static int prepare(Handle h, ChangeCache cache, CouncilScope scope, int k, java.util.Collection<YearMonth> months,
                       YearMonth lastEnded) {
        java.util.TreeSet<YearMonth> wanted = new java.util.TreeSet<>();
        for (YearMonth month : months) {
            if (!month.isAfter(lastEnded)) {
                wanted.add(month);
                if (!pairOf(month).isAfter(lastEnded)) {
                    wanted.add(pairOf(month));
                }
            }
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        List<String> regions = CouncilScopes.regionsOf(h, scope);
        List<List<String>> allDomains = CATEGORY_DIMS.stream().map(d -> domain(d, regions)).toList();
        Map<String, Map<List<String>, long[]>> loaded = load(h, scope, regions, wanted.first(), wanted.last());
        long before = cache.computed();
        for (YearMonth month : wanted) {
            if (loaded.containsKey(month.toString())) {
                monthChanges(cache, scope, k, allDomains, loaded, month.toString(), lastEnded);
            }
        }
        return (int) (cache.computed() - before);
    }

    /** The scope's atoms in the range: month -> (topic, setting, region, age band) -> counts. */
    private static Map<String, Map<List<String>, long[]>> load(Handle h, CouncilScope scope, List<String> regions,
                                                              YearMonth from, YearMonth to) {
        Map<String, Map<List<String>, long[]>> perMonth = new TreeMap<>();
        if (regions.isEmpty()) {
            return perMonth;
        }
        // A municipality reads the rollup without providers; a provider the full one (grouped only when it must
        // add up several providers). Each row is then one atom, so no sorting is needed.
        boolean provider = CouncilScope.PROVIDER.equals(scope.kind());
        boolean group = provider && scope.values().size() > 1;
        String columns = group ? SUMS : String.join(", ", CaseFacts.VALUE_COLUMNS);
        String sql = "SELECT month, topic, setting, region_code, age_band, " + columns + " FROM "
                + (provider ? "trend_rollup WHERE provider IN (<values>)" : "trend_rollup_region WHERE region_code IN (<values>)")
                + " AND month >= :from AND month <= :to"
                + (group ? " GROUP BY month, topic, setting, region_code, age_band" : "");
        Query q = h.createQuery(sql)
                .bind("from", from.toString()).bind("to", to.toString())
                .bindList("values", provider ? scope.values() : regions);
        int n = CaseFacts.VALUE_COLUMNS.length;
        q.map((rs, ctx) -> {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = rs.getLong(6 + i);
            }
            if (v[0] > 0) {
                perMonth.computeIfAbsent(rs.getString(1), m -> new java.util.HashMap<>()).put(
                        List.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), v);
            }
            return 0;
        }).forEach(x -> { });
        return perMonth;
    }

    static List<String> domain(String dim, List<String> regions) {
        return switch (dim) {
            case TrendDims.TOPIC -> TrendDims.TOPICS;
            case TrendDims.SETTING -> TrendDims.SETTINGS;
            case TrendDims.AGE_BAND -> TrendDims.AGE_BANDS;
            case TrendDims.REGION -> regions.isEmpty() ? List.of("none") : regions;
            default -> throw new IllegalArgumentException(dim);
        };
    }

    private static List<List<String>> cross(List<List<String>> domains) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (List<String> domain : domains) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String value : domain) {
                    List<String> longer = new ArrayList<>(prefix);
                    longer.add(value);
                    next.add(List.copyOf(longer));
                }
            }
            result = next;
        }
        return result;
    }

    private static void add(long[] sum, long[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }
}
