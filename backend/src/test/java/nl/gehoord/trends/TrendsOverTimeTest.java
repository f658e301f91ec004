package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.demo.DemoCases;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Across time, on the demo (8,000 cases over 18 months): every shape the API allows, asked early on the first and
 * late on the last day of every month from the first demo month until the last demo month's numbers are final
 * (through the injected clock), for the month that just ended, the month that just became final and two other
 * months, and (once a month) the last 12 months and (twice a year) the longest range. A month's case counts never change once published;
 * its layer values change at most once, when they become final, and never after; the same holds for every year
 * (twelve months up to a month, published as its own cells), asked again whenever a range holds it; every range is
 * the sum of its parts (its years, counted back from its end, then the months left). A year's cells by month are
 * its months, each final on its own date (before the year's total is). Layer values do change here: as the clock
 * moves on, first responses of open cases fall due (late), and the deadline scheduler's events update the rollup;
 * TrendsWithdrawalTest changes a case.
 */
class TrendsOverTimeTest {
    private static final String[] COUNCILS = {"staff-demo-council", "staff-demo-council-linde"};

    @Test
    void anEndedMonthsAnswersNeverChangeAndEveryRangeIsTheSumOfItsMonths() {
        try (TestServer server = TestServer.start()) {
            DemoCases.seed(server.app().database(), TrendCases.rollupOf(server, 7), server.clock());
            TrendsService service = new TrendsService(server.app().database(), server.clock(),
                    server.app().trendPublisher());
            YearMonth seeded = YearMonth.now(server.clock().withZone(TrendDims.ZONE));
            YearMonth firstData = seeded.minusMonths(18);
            List<String> shapes = TrendShapes.all();
            Map<String, String> counts = new HashMap<>();
            Map<String, String> layers = new HashMap<>();
            Map<String, Boolean> finals = new HashMap<>();
            Map<String, TrendsTable> tables = new HashMap<>();
            java.util.Random random = new java.util.Random(12);
            int asked = 0;
            int layerChanges = 0;
            int ranges = 0;
            int yearsAsked = 0;
            Map<String, TrendsTable> years = new HashMap<>();
            for (YearMonth now = firstData.plusMonths(1); !now.isAfter(seeded.plusMonths(4)); now = now.plusMonths(1)) {
                // Early on the first day and late on the last day (MutableClock ignores withZone, so not at midnight).
                Instant late = now.atEndOfMonth().atTime(21, 0).atZone(TrendDims.ZONE).toInstant();
                for (Instant at : new Instant[] {now.atDay(1).atTime(3, 0).atZone(TrendDims.ZONE).toInstant(), late}) {
                    server.clock().set(at);
                    YearMonth lastEnded = TrendsService.lastEnded(server.clock());
                    YearMonth from = lastEnded.minusMonths(TrendsQuery.MAX_MONTHS - 1).isBefore(firstData) ? firstData
                            : lastEnded.minusMonths(TrendsQuery.MAX_MONTHS - 1);
                    for (String staff : COUNCILS) {
                        CouncilScope scope = server.app().database().read(h -> CouncilScopes.scopeOf(h, staff))
                                .orElseThrow();
                        for (String by : shapes) {
                            Map<YearMonth, TrendsTable> months = new HashMap<>();
                            // The month that just ended, the month whose layers just became final, and two others
                            // at random are asked again; the others were asked before and are taken as then.
                            List<YearMonth> again = List.of(lastEnded,
                                    lastEnded.minusMonths(TrendPublisher.LAYERS_FINAL_AFTER_MONTHS),
                                    from.plusMonths(random.nextInt((int) from.until(lastEnded, ChronoUnit.MONTHS) + 1)),
                                    from.plusMonths(random.nextInt((int) from.until(lastEnded, ChronoUnit.MONTHS) + 1)));
                            for (YearMonth m = from; !m.isAfter(lastEnded); m = m.plusMonths(1)) {
                                String id = staff + "|" + by + "|" + m;
                                if (tables.containsKey(id) && !again.contains(m)) {
                                    months.put(m, tables.get(id));
                                    continue;
                                }
                                TrendsTable t = service.answer(scope, 10, query(m, m, by, now));
                                months.put(m, t);
                                tables.put(id, t);
                                asked++;
                                String c = text(t, false);
                                String l = text(t, true);
                                boolean fin = t.total().layersFinal();
                                assertThat(fin).as(id + " final at " + at)
                                        .isEqualTo(!m.plusMonths(TrendPublisher.LAYERS_FINAL_AFTER_MONTHS)
                                                .isAfter(lastEnded));
                                if (counts.containsKey(id)) {
                                    assertThat(c).as(id + " counts at " + at).isEqualTo(counts.get(id));
                                    if (finals.get(id) || !fin) {
                                        assertThat(l).as(id + " layers at " + at).isEqualTo(layers.get(id));
                                    } else if (!l.equals(layers.get(id))) {
                                        layerChanges++;
                                    }
                                }
                                counts.put(id, c);
                                layers.put(id, l);
                                finals.put(id, fin);
                            }
                            YearMonth start = lastEnded.minusMonths(11).isBefore(from) ? from : lastEnded.minusMonths(11);
                            // Ranges once a month (late on the last day); the longest one twice a year.
                            List<YearMonth[]> checked = at.equals(late) ? now.getMonthValue() % 6 == 0
                                    ? List.of(new YearMonth[] {start, lastEnded}, new YearMonth[] {from, lastEnded})
                                    : List.<YearMonth[]>of(new YearMonth[] {start, lastEnded}) : List.of();
                            for (YearMonth[] range : checked) {
                                TrendsTable sum = service.answer(scope, 10, query(range[0], range[1], by, now));
                                List<Span.Part> parts = Span.parts(range[0], range[1], 0);
                                List<Span.Part> cellParts = Span.parts(range[0], range[1], dims(by).size()
                                        - (dims(by).contains(TrendDims.MONTH) ? 1 : 0));
                                Map<YearMonth, TrendsTable> yearsOf = new HashMap<>();
                                for (Span.Part part : parts) {
                                    if (part.span() == Span.YEAR) {
                                        yearsOf.put(part.end(), year(service, scope, staff + "|" + by + "|year "
                                                + part.end(), part.end(), by, now, lastEnded, years));
                                        yearsAsked++;
                                    }
                                }
                                assertSumOfParts(sum, parts, cellParts, months, yearsOf, staff + " by=" + by + " at "
                                        + at);
                                ranges++;
                            }
                            // Years asked before, again: the one of last month and the one that just became final.
                            for (YearMonth end : checked.isEmpty() ? List.<YearMonth>of() : List.of(
                                    lastEnded.minusMonths(1), lastEnded.minusMonths(TrendPublisher.LAYERS_FINAL_AFTER_MONTHS))) {
                                String id = staff + "|" + by + "|year " + end;
                                if (years.containsKey(id)) {
                                    year(service, scope, id, end, by, now, lastEnded, years);
                                    yearsAsked++;
                                }
                            }
                        }
                    }
                }
            }
            System.out.printf("over time: %d single-month answers, %d ranges and %d years compared; %d months' layer"
                    + " values changed once, when they became final%n", asked, ranges, yearsAsked, layerChanges);
        }
    }

    private static TrendsQuery query(YearMonth from, YearMonth to, String by, YearMonth now) {
        try {
            return TrendsQuery.parse(from.toString(), to.toString(), by, now);
        } catch (nl.gehoord.http.ApiException e) {
            throw new AssertionError(from + " " + to + " " + by + " " + now + " " + e.errors(), e);
        }
    }

    private static String text(TrendsTable t, boolean withLayers) {
        StringBuilder out = new StringBuilder();
        for (TrendsTable.Cell c : t.cells()) {
            out.append(withLayers ? TrendShapes.layers(c) : TrendShapes.counts(c)).append('\n');
        }
        out.append(withLayers ? TrendShapes.layers(t.total()) : TrendShapes.counts(t.total()));
        return out.toString();
    }

    /**
     * The twelve months up to {@code end}, asked now: the same counts as whenever it was asked before, the same
     * layer values too unless they have just become final; final exactly when its last month is.
     */
    private static TrendsTable year(TrendsService service, CouncilScope scope, String id, YearMonth end, String by,
                                    YearMonth now, YearMonth lastEnded, Map<String, TrendsTable> years) {
        TrendsTable t = service.answer(scope, 10, query(end.minusMonths(11), end, by, now));
        assertThat(t.total().layersFinal()).as(id + " final").isEqualTo(TrendPublisher.layersFinal(end, lastEnded));
        TrendsTable before = years.get(id);
        if (before != null) {
            assertThat(text(t, false)).as(id + " counts").isEqualTo(text(before, false));
            boolean ownCells = !by.contains(TrendDims.MONTH) && dims(by).size() <= Span.YEAR_MAX_DIMENSIONS;
            if (before.total().layersFinal() || !t.total().layersFinal()) {
                // The year's own cells; a three-dimension cell is the sum of its months, each of which becomes
                // final on its own date while the year is not final yet, so it is compared once the year is final.
                boolean compareCells = ownCells || (!by.contains(TrendDims.MONTH) && before.total().layersFinal());
                assertThat(compareCells ? text(t, true) : TrendShapes.layers(t.total())).as(id + " layers")
                        .isEqualTo(compareCells ? text(before, true) : TrendShapes.layers(before.total()));
            }
            if (by.contains(TrendDims.MONTH)) {
                // A cell by month is its month's publication with that month's own final flag: its layer values
                // change only when that flag turns true, which for the year's older months comes before the year's.
                for (int i = 0; i < t.cells().size(); i++) {
                    TrendsTable.Cell cell = t.cells().get(i);
                    TrendsTable.Cell then = before.cells().get(i);
                    assertThat(cell.key()).isEqualTo(then.key());
                    assertThat(cell.layersFinal()).as(id + " " + cell.key() + " final")
                            .isEqualTo(TrendPublisher.layersFinal(YearMonth.parse(cell.key().get(TrendDims.MONTH)),
                                    lastEnded));
                    if (then.layersFinal() || !cell.layersFinal()) {
                        assertThat(TrendShapes.layers(cell)).as(id + " " + cell.key() + " layers")
                                .isEqualTo(TrendShapes.layers(then));
                    }
                }
            }
        }
        years.put(id, t);
        return t;
    }

    /**
     * Every count of a range is the sum of the same counts of its parts (its years, then its months: Span.parts;
     * months only for the cells of three-dimension tables), cell by cell and the total; a cell of one month (by
     * month) is that month's cell.
     */
    private static void assertSumOfParts(TrendsTable range, List<Span.Part> parts, List<Span.Part> cellParts,
                                         Map<YearMonth, TrendsTable> months, Map<YearMonth, TrendsTable> years,
                                         String what) {
        Map<String, long[]> sums = new HashMap<>();
        long[] total = new long[9];
        boolean byMonth = range.by().contains(TrendDims.MONTH);
        List<TrendsTable> cellSources = new ArrayList<>();
        List<YearMonth> cellMonths = new ArrayList<>();
        if (byMonth) {
            for (YearMonth m = YearMonth.parse(range.from()); !m.isAfter(YearMonth.parse(range.to()));
                 m = m.plusMonths(1)) {
                cellSources.add(months.get(m));
                cellMonths.add(m);
            }
        }
        for (Span.Part part : parts) {
            add(total, (part.span() == Span.YEAR ? years.get(part.end()) : months.get(part.end())).total());
        }
        for (Span.Part part : byMonth ? List.<Span.Part>of() : cellParts) {
            cellSources.add(part.span() == Span.YEAR ? years.get(part.end()) : months.get(part.end()));
            cellMonths.add(null);
        }
        for (int i = 0; i < cellSources.size(); i++) {
            for (TrendsTable.Cell c : cellSources.get(i).cells()) {
                Map<String, String> key = new java.util.TreeMap<>(c.key());
                key.remove(TrendDims.MONTH);
                if (byMonth) {
                    key.put(TrendDims.MONTH, cellMonths.get(i).toString());
                }
                add(sums.computeIfAbsent(key.toString(), k -> new long[9]), c);
            }
        }
        for (TrendsTable.Cell c : range.cells()) {
            assertThat(values(c)).as(what + " " + c.key()).containsExactly(
                    sums.getOrDefault(new java.util.TreeMap<>(c.key()).toString(), new long[9]));
        }
        assertThat(values(range.total())).as(what + " total").containsExactly(total);
    }

    private static void add(long[] sum, TrendsTable.Cell c) {
        long[] v = values(c);
        for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
        }
    }

    private static long[] values(TrendsTable.Cell c) {
        return new long[] {c.cases(), c.outcomes().open(), c.outcomes().resolved(), c.outcomes().closed(),
            c.outcomes().withdrawn(), c.outcomes().formalComplaint(), c.sla().met(), c.sla().missed(),
            c.sla().pending()};
    }

    /** Used by the before-and-after test: the asked dimensions of a shape. */
    static List<String> dims(String by) {
        return by.isEmpty() ? List.of() : new ArrayList<>(List.of(by.split(",")));
    }
}
