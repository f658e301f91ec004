package nl.gehoord.trends;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;

/**
 * Answers a council's trends query within the council's scope. Every number is a sum of the stored, perturbed
 * cells of the asked months ({@link TrendPublisher}); a month is published once, the first time it is needed.
 */
public final class TrendsService {
    public static final String METHOD = "cell-key";

    private final Database db;
    private final Clock clock;
    private final TrendPublisher publisher;

    private final SignalTrends signals;

    public TrendsService(Database db, Clock clock, TrendPublisher publisher) {
        this(db, clock, publisher, new java.security.SecureRandom());
    }

    /** {@code random} draws the record keys of signals. */
    public TrendsService(Database db, Clock clock, TrendPublisher publisher, java.security.SecureRandom random) {
        this.db = db;
        this.clock = clock;
        this.publisher = publisher;
        this.signals = new SignalTrends(db, publisher.ptable(), random);
    }

    /**
     * Signal counts per theme (and month, when {@code by} is "month") in the council's scope: no other breakdown,
     * since a signal's location is below what a council may see.
     */
    public SignalTrendsTable signals(Actor.Staff council, TrendsQuery query) {
        if (!query.categoryDims().isEmpty()) {
            throw ApiException.validation("by", "unknown_dimension");
        }
        CouncilScope scope = scopeOf(council).scope();
        return signals.answer(scope, query, perturbation(publisher.ptable(), publisher.yearPtable(), List.of()));
    }

    private record Asker(CouncilScope scope, int k) {
    }

    private Asker scopeOf(Actor.Staff council) {
        List<TrendAskerDao.AskerRow> rows = db.read(h -> h.attach(TrendAskerDao.class)
                .askerRows(council.staffId(), council.organisationId()));
        if (rows.isEmpty()) {
            throw new ApiException(403, "council_scope_missing");
        }
        CouncilScope scope = new CouncilScope(rows.get(0).kind(), rows.stream().map(TrendAskerDao.AskerRow::value)
                .toList());
        Integer size = rows.get(0).minCellSize();
        return new Asker(scope, Math.max(TrendSettings.LOWEST_MIN_CELL_SIZE,
                size == null ? TrendSettings.DEFAULT_MIN_CELL_SIZE : size));
    }

    public TrendsQuery parse(String from, String to, String by) {
        return TrendsQuery.parse(from, to, by, YearMonth.now(clock.withZone(TrendDims.ZONE)));
    }

    public TrendsTable trends(Actor.Staff council, TrendsQuery query) {
        return answered(council, query).table();
    }

    /**
     * The answer as JSON in the caller's language ({@code explain} adds the explanation), kept with the answer: a
     * repeated question gets the same bytes.
     */
    public byte[] json(Actor.Staff council, TrendsQuery query, String language,
                       java.util.function.UnaryOperator<TrendsTable> explain) {
        return answered(council, query).json(language, explain);
    }

    private Answer answered(Actor.Staff council, TrendsQuery query) {
        Asker asker = scopeOf(council);
        return answerOf(asker.scope(), asker.k(), query);
    }

    /** The answer for a scope and minimum group size (the service's core; tests call it directly). */
    TrendsTable answer(CouncilScope scope, int k, TrendsQuery query) {
        return answerOf(scope, k, query).table();
    }

    /**
     * What an answer depends on. Given the last ended month, every stored table it adds up is fixed (a table changes
     * only when it becomes final, on a date fixed by its last month), so an answer made from current tables is
     * kept under this key.
     */
    private record AnswerKey(String scopeKey, int k, YearMonth from, YearMonth to, List<String> by,
                             List<String> regions, YearMonth lastEnded) {
    }

    /** A kept answer and its JSON per language. */
    private record Answer(TrendsTable table, Map<String, byte[]> json) {
        byte[] json(String language, java.util.function.UnaryOperator<TrendsTable> explain) {
            return json.computeIfAbsent(language, l -> {
                try {
                    return nl.gehoord.http.Json.mapper().writeValueAsBytes(explain.apply(table));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * At most this many cells in kept answers (a large answer holds 1,560; the JSON of a cell is about 300 bytes),
     * so that kept answers stay within a few tens of megabytes; then it starts afresh.
     */
    private static final int MAX_ANSWER_CELLS = 40_000;
    private final Map<AnswerKey, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger keptCells = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Forgets every answer and publication kept in memory, for a database that was put back under a running
     * server (tests do; in service what is published is never removed).
     */
    public void forgetKept() {
        answers.clear();
        keptCells.set(0);
        signals.forgetKept();
        publisher.forgetKept();
    }

    private Answer answerOf(CouncilScope scope, int k, TrendsQuery query) {
        YearMonth lastEnded = lastEnded(clock);
        List<String> dims = query.categoryDims();
        List<String> regions = dims.contains(TrendDims.REGION)
                ? db.read(h -> CouncilScopes.regionsOf(h, scope)) : List.of();
        AnswerKey key = new AnswerKey(scope.key(), k, query.from(), query.to(), List.copyOf(query.by()),
                List.copyOf(regions), lastEnded);
        Answer kept = answers.get(key);
        if (kept != null) {
            return kept;
        }
        boolean[] current = {true};
        Answer answer = new Answer(read(scope, k, query, regions, lastEnded, current),
                new java.util.concurrent.ConcurrentHashMap<>());
        if (current[0]) {
            if (keptCells.addAndGet(answer.table().cells().size() + 1) > MAX_ANSWER_CELLS) {
                answers.clear();
                keptCells.set(answer.table().cells().size() + 1);
            }
            answers.put(key, answer);
        }
        return answer;
    }

    /** Region names by code, for labels. */
    public Map<String, String> regionNames() {
        Map<String, String> names = new TreeMap<>();
        db.read(h -> h.attach(PublishedTrendsDao.class).regionNames()).forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    /** The last month that has ended (in the Netherlands): the last month a council can ask for. */
    static YearMonth lastEnded(Clock clock) {
        return YearMonth.now(clock.withZone(TrendDims.ZONE)).minusMonths(1);
    }

    /**
     * How the answer's numbers were perturbed: with the month table only when every stored table it adds up is a
     * month's; with both when it adds up a year (a year's count of cases from several months has the year table, one
     * whose cases all lie in one month the month table). The stated maximum deviation and variance are the largest
     * of those tables'.
     */
    static TrendsTable.Perturbation perturbation(PTable month, PTable year, List<TrendPublisher.Wanted> wanted) {
        List<TrendsTable.Table> used = new ArrayList<>();
        if (wanted.stream().anyMatch(w -> w.part().span() == Span.YEAR)) {
            used.add(new TrendsTable.Table("year", year.maxDeviation(), year.variance()));
        }
        used.add(new TrendsTable.Table("month", month.maxDeviation(), month.variance()));
        int smallest = Math.max(month.smallest(), used.size() > 1 ? year.smallest() : 0);
        List<Integer> never = new ArrayList<>();
        for (int i = 1; i < smallest; i++) {
            never.add(i);
        }
        return new TrendsTable.Perturbation(METHOD, used.stream().mapToInt(TrendsTable.Table::maxDeviation).max()
                .orElseThrow(), used.stream().mapToDouble(TrendsTable.Table::variance).max().orElseThrow(),
                List.copyOf(never), TrendPublisher.LAYERS_FINAL_AFTER_MONTHS, List.copyOf(used), null);
    }

    /** A cell of the answer being added up: its perturbed counts and exact histograms. */
    private static final class Sum {
        final long[] v = new long[PublishedCache.Cell.LENGTH];

        void add(long[] cell) {
            for (int i = 0; i < v.length; i++) {
                v[i] += cell[i];
            }
        }
    }

    /**
     * Adds up stored tables. A cell of a month (by month) is that month's stored cell; any other cell, and the
     * total, is the sum of the same cell of the range's parts ({@link Span#parts}: its years, then its months; only
     * months for three-dimension tables).
     */
    private TrendsTable read(CouncilScope scope, int k, TrendsQuery query, List<String> regions,
                             YearMonth lastEnded, boolean[] current) {
        List<String> dims = query.categoryDims();
        List<Span.Part> parts = Span.parts(query.from(), query.to(), 0);
        List<TrendPublisher.Wanted> wanted = wanted(query);
        List<PublishedCache.Table> tables = publisher.tables(scope, wanted, lastEnded, current);

        // Stored cells carry their values in the fixed order of MonthPublisher.CATEGORY_DIMS; the answer in the asked order.
        List<String> stored = MonthPublisher.CATEGORY_DIMS.stream().filter(dims::contains).toList();
        int[] order = dims.stream().mapToInt(stored::indexOf).toArray();
        Sum all = new Sum();
        Map<String, Sum> sums = new HashMap<>();
        Map<String, Boolean> finalByMonth = new HashMap<>();
        boolean rangeFinal = true;
        for (int t = 0; t < tables.size(); t++) {
            PublishedCache.Table table = tables.get(t);
            TrendPublisher.Wanted w = wanted.get(t);
            if (w.dims().isEmpty() && t < parts.size()) {
                rangeFinal &= table.layersFinal();
                table.cells().forEach(c -> all.add(c.v()));
                continue;
            }
            String month = query.byMonth() ? w.part().end().toString() : null;
            if (month != null) {
                finalByMonth.put(month, table.layersFinal());
            }
            for (PublishedCache.Cell c : table.cells()) {
                String[] asked = new String[order.length];
                for (int i = 0; i < order.length; i++) {
                    asked[i] = c.values()[order[i]];
                }
                sums.computeIfAbsent(cellId(month, Arrays.asList(asked)), x -> new Sum()).add(c.v());
            }
        }

        List<TrendsTable.Cell> cells = new ArrayList<>();
        List<String> months = query.byMonth() ? query.months() : Collections.singletonList(null);
        List<List<String>> domains = dims.stream().map(d -> domain(d, regions)).toList();
        for (String month : months) {
            boolean layersFinal = month != null ? finalByMonth.getOrDefault(month, false) : rangeFinal;
            for (List<String> values : cross(domains)) {
                Map<String, String> keyMap = new LinkedHashMap<>();
                for (String d : query.by()) {
                    keyMap.put(d, d.equals(TrendDims.MONTH) ? month : values.get(dims.indexOf(d)));
                }
                cells.add(cell(keyMap, sums.get(cellId(month, values)), layersFinal, k));
            }
        }
        TrendsTable.Cell total = cell(Map.of(), all, rangeFinal, k);
        return new TrendsTable(query.from().toString(), query.to().toString(), query.by(), k, scope,
                perturbation(publisher.ptable(), publisher.yearPtable(), wanted), cells, total);
    }

    /** The stored tables an answer adds up: the total's parts first, then the asked table's parts (or months). */
    static List<TrendPublisher.Wanted> wanted(TrendsQuery query) {
        List<String> dims = query.categoryDims();
        String code = MonthPublisher.tableCode(dims);
        List<TrendPublisher.Wanted> wanted = new ArrayList<>();
        Span.parts(query.from(), query.to(), 0).forEach(p -> wanted.add(new TrendPublisher.Wanted(p, "")));
        if (query.byMonth()) {
            for (YearMonth m = query.from(); !m.isAfter(query.to()); m = m.plusMonths(1)) {
                wanted.add(new TrendPublisher.Wanted(new Span.Part(Span.MONTH, m), code));
            }
        } else {
            Span.parts(query.from(), query.to(), dims.size())
                    .forEach(p -> wanted.add(new TrendPublisher.Wanted(p, code)));
        }
        return wanted;
    }

    private static String cellId(String month, List<String> values) {
        return (month == null ? "" : month) + "\n" + String.join(PublishedCell.SEPARATOR, values);
    }

    private static TrendsTable.Cell cell(Map<String, String> key, Sum sum, boolean layersFinal, int k) {
        long[] v = sum == null ? new long[PublishedCache.Cell.LENGTH] : sum.v;
        Double share = v[6] + v[7] > 0 ? Math.round(1000.0 * v[6] / (v[6] + v[7])) / 1000.0 : null;
        return new TrendsTable.Cell(key, v[0], layersFinal, new TrendsTable.Outcomes(v[1], v[2], v[3], v[4], v[5]),
                new TrendsTable.Sla(v[6], v[7], v[8], share),
                duration(Arrays.copyOfRange(v, PublishedCache.Cell.HIST, PublishedCache.Cell.HIST + TrendBuckets.COUNT), k),
                duration(Arrays.copyOfRange(v, PublishedCache.Cell.HIST + TrendBuckets.COUNT, v.length), k));
    }

    /** Median and p90 from the histogram, only when at least k durations lie behind them. */
    private static TrendsTable.Duration duration(long[] histogram, int k) {
        long n = Arrays.stream(histogram).sum();
        if (n < k) {
            return null;
        }
        return new TrendsTable.Duration(range(TrendBuckets.percentileBucket(histogram, 0.5)),
                range(TrendBuckets.percentileBucket(histogram, 0.9)));
    }

    private static TrendsTable.Range range(int bucket) {
        return new TrendsTable.Range(TrendBuckets.lowerHours(bucket), TrendBuckets.upperHours(bucket));
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
}
