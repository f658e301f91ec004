package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import nl.gehoord.db.Database;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differencing attack: ask every query the API allows over a scope (every combination of up to three dimensions,
 * every range of whole months, with totals), then try to work out each suppressed number from all published numbers
 * together. It must recover nothing. The same attack against suppression of small cells alone (no complementary
 * protection) must recover something, so the attack is known to bite.
 */
class DisclosureAttackTest {
    private static final int K = 10;
    private static final ChangeCache CACHE = new ChangeCache();
    /** Four months: two whole pairs (July-August, September-October), so ranges cut pairs and hold whole ones. */
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 7), YearMonth.of(2026, 8),
            YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final String[] REGIONS = {"utrecht", "utrecht-oost"};
    private static final CouncilScope SCOPE = new CouncilScope(CouncilScope.MUNICIPALITY, List.of("Utrecht"));

    private static TestServer server;
    private static List<Answer> protectedAnswers;
    private static List<Answer> trueAnswers;
    private static long computedWhileAsking;

    /** One query with the published table, and the same query with nothing suppressed (the truth). */
    record Answer(TrendsQuery query, TrendsTable table) {
    }

    @BeforeAll
    static void seedAndAskEverything() {
        server = TestServer.start();
        Database db = server.app().database();
        TrendRollup rollup = TrendCases.rollupOf(server);
        db.writeVoid(h -> {
            h.attach(PlacesDao.class).insertRegion(new PlacesDao.Region("utrecht-oost", "Regio Utrecht-Oost",
                    "Utrecht", "demo-org"));
            Random random = new Random(6);
            int n = 0;
            for (YearMonth month : MONTHS) {
                for (int i = 0; i < 120; i++) {
                    TrendCases.Spec spec = TrendCases.random(random, "attack-" + n++, month, REGIONS);
                    TrendCases.insert(h, spec);
                    rollup.refresh(h, spec.id());
                }
            }
        });
        // The published answers come from protecting changes the background warm-up computed ahead.
        new TrendsWarmer(db, CACHE, server.clock(), java.time.Duration.ZERO, java.time.Duration.ZERO).runOnce();
        long computedBefore = CACHE.computed();
        long t0 = System.nanoTime();
        protectedAnswers = askEverything(db, K);
        computedWhileAsking = CACHE.computed() - computedBefore;
        long t1 = System.nanoTime();
        trueAnswers = askEverything(db, 1);
        System.out.printf("asked %d queries in %d ms (truth %d ms)%n", protectedAnswers.size(), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    @Test
    void theAnswersAttackedHereUsedOnlyChangesTheWarmUpComputedAhead() {
        assertThat(computedWhileAsking).isZero();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Answer> askEverything(Database db, int k) {
        List<Answer> answers = new ArrayList<>();
        for (List<String> by : subsets(TrendDims.ALL, TrendsQuery.MAX_DIMENSIONS)) {
            for (int a = 0; a < MONTHS.size(); a++) {
                for (int b = a; b < MONTHS.size(); b++) {
                    TrendsQuery query = new TrendsQuery(MONTHS.get(a), MONTHS.get(b), by);
                    answers.add(new Answer(query, db.read(h -> TrendsService.answer(h, CACHE, SCOPE, k, query, YearMonth.of(2026, 10)))));
                }
            }
        }
        return answers;
    }

    @Test
    void everyQueryIsAskedAndTheAnswersAreNotTrivial() {
        assertThat(protectedAnswers).hasSize(26 * 10);
        long suppressed = cells(protectedAnswers).stream().filter(TrendsTable.Cell::suppressed).count();
        long shown = cells(protectedAnswers).stream().filter(c -> !c.suppressed() && c.cases() > 0).count();
        assertThat(suppressed).as("suppressed cells").isGreaterThan(100);
        assertThat(shown).as("published non-zero cells").isGreaterThan(50);
        System.out.printf("cells: %d suppressed, %d published non-zero%n", suppressed, shown);
        assertThat(protectedAnswers.stream().filter(a -> a.query().by().isEmpty()).map(a -> a.table().total())
                .allMatch(t -> !t.suppressed())).as("totals of whole months are published").isTrue();
    }

    @Test
    void noSuppressedCountCanBeWorkedOut() {
        assertThat(attack(protectedAnswers, null)).isEmpty();
    }

    @Test
    void noSuppressedOutcomeFormalComplaintOrSlaCountCanBeWorkedOut() {
        for (Layer layer : Layer.values()) {
            assertThat(attack(protectedAnswers, layer)).as(layer.name()).isEmpty();
        }
    }

    @Test
    void theSameAttackRecoversCellsWhenOnlySmallCellsAreHidden() {
        List<Answer> naive = new ArrayList<>();
        for (Answer truth : trueAnswers) {
            List<TrendsTable.Cell> cells = truth.table().cells().stream().map(DisclosureAttackTest::naive).toList();
            TrendsTable t = truth.table();
            naive.add(new Answer(truth.query(), new TrendsTable(t.from(), t.to(), t.by(), K, t.scope(), cells,
                    naive(t.total()))));
        }
        assertThat(attack(naive, null)).as("cells a naive publication gives away").isNotEmpty();
    }

    private static TrendsTable.Cell naive(TrendsTable.Cell c) {
        boolean small = c.cases() > 0 && c.cases() < K;
        return small ? new TrendsTable.Cell(c.key(), true, null, null, null, null, null) : c;
    }

    /**
     * Runs the attack on counts (layer null) or on one layer's values, and returns what it recovered: suppressed
     * counts, and suppressed layer values that are small (1 to k-1), that follow from the published numbers.
     */
    private static List<String> attack(List<Answer> answers, Layer layer) {
        int width = layer == null ? 1 : layer.size();
        int atoms = MONTHS.size() * TrendDims.TOPICS.size() * TrendDims.SETTINGS.size() * REGIONS.length
                * TrendDims.AGE_BANDS.size();
        LinearAttacker attacker = new LinearAttacker(atoms * width);
        List<BitSet> hidden = new ArrayList<>();
        List<String> hiddenNames = new ArrayList<>();
        for (int n = 0; n < answers.size(); n++) {
            Answer answer = answers.get(n);
            Answer truth = trueAnswers.get(n);
            List<TrendsTable.Cell> cells = new ArrayList<>(answer.table().cells());
            cells.add(answer.table().total());
            List<TrendsTable.Cell> trueCells = new ArrayList<>(truth.table().cells());
            trueCells.add(truth.table().total());
            for (int c = 0; c < cells.size(); c++) {
                TrendsTable.Cell cell = cells.get(c);
                boolean total = c == cells.size() - 1;
                BitSet atomSet = atoms(answer.query(), total ? java.util.Map.of() : cell.key());
                BitSet all = spread(atomSet, width, -1);
                if (cell.suppressed()) {
                    // A suppressed zero gives nothing away (zeros are published elsewhere); anything else must hold.
                    if (trueCells.get(c).cases() > 0) {
                        hidden.add(all);
                        hiddenNames.add(answer.query() + " " + cell.key() + " true=" + trueCells.get(c).cases());
                    }
                    continue;
                }
                attacker.published(all, cell.cases());
                if (layer == null) {
                    continue;
                }
                for (int i = 0; i < layer.size(); i++) {
                    Long value = layerValue(cell, layer, i);
                    long trueValue = layerValue(trueCells.get(c), layer, i);
                    BitSet part = spread(atomSet, width, i);
                    if (value != null) {
                        attacker.published(part, value);
                    } else if (trueValue > 0 && trueValue < K) {
                        hidden.add(part);
                        hiddenNames.add(answer.query() + " " + cell.key() + " " + layer + "=" + layer.value(i));
                    }
                }
            }
        }
        long start = System.nanoTime();
        List<String> recovered = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            if (attacker.determines(hidden.get(i))) {
                recovered.add(hiddenNames.get(i));
            }
        }
        System.out.printf("attack %s: %d equations, %d suppressed numbers tried, %d ms%n", layer,
                attacker.equationCount(), hidden.size(), (System.nanoTime() - start) / 1_000_000);
        return recovered;
    }

    /** A layer value as published: FORMAL "no" is not published itself, so it is cases minus "yes". */
    private static Long layerValue(TrendsTable.Cell cell, Layer layer, int i) {
        if (cell.suppressed()) {
            return null;
        }
        return switch (layer) {
            case OUTCOME -> switch (i) {
                case 0 -> cell.outcomes().open();
                case 1 -> cell.outcomes().resolved();
                case 2 -> cell.outcomes().closed();
                default -> cell.outcomes().withdrawn();
            };
            case FORMAL -> i == 0 ? cell.outcomes().formalComplaint()
                    : cell.outcomes().formalComplaint() == null ? null : cell.cases() - cell.outcomes().formalComplaint();
            case SLA -> i == 0 ? cell.sla().met() : i == 1 ? cell.sla().missed() : cell.sla().pending();
        };
    }

    private static BitSet spread(BitSet atoms, int width, int only) {
        BitSet out = new BitSet();
        for (int a = atoms.nextSetBit(0); a >= 0; a = atoms.nextSetBit(a + 1)) {
            for (int i = 0; i < width; i++) {
                if (only < 0 || only == i) {
                    out.set(a * width + i);
                }
            }
        }
        return out;
    }

    /** The cube cells (month, topic, setting, region, age band) a published cell adds up. */
    private static BitSet atoms(TrendsQuery query, java.util.Map<String, String> key) {
        BitSet set = new BitSet();
        List<String> regions = List.of(REGIONS);
        for (int m = 0; m < MONTHS.size(); m++) {
            YearMonth month = MONTHS.get(m);
            if (month.isBefore(query.from()) || month.isAfter(query.to())
                    || (key.containsKey(TrendDims.MONTH) && !key.get(TrendDims.MONTH).equals(month.toString()))) {
                continue;
            }
            for (int t = 0; t < TrendDims.TOPICS.size(); t++) {
                if (!matches(key, TrendDims.TOPIC, TrendDims.TOPICS.get(t))) {
                    continue;
                }
                for (int s = 0; s < TrendDims.SETTINGS.size(); s++) {
                    if (!matches(key, TrendDims.SETTING, TrendDims.SETTINGS.get(s))) {
                        continue;
                    }
                    for (int r = 0; r < regions.size(); r++) {
                        if (!matches(key, TrendDims.REGION, regions.get(r))) {
                            continue;
                        }
                        for (int a = 0; a < TrendDims.AGE_BANDS.size(); a++) {
                            if (matches(key, TrendDims.AGE_BAND, TrendDims.AGE_BANDS.get(a))) {
                                set.set(((((m * TrendDims.TOPICS.size()) + t) * TrendDims.SETTINGS.size() + s)
                                        * regions.size() + r) * TrendDims.AGE_BANDS.size() + a);
                            }
                        }
                    }
                }
            }
        }
        return set;
    }

    private static boolean matches(java.util.Map<String, String> key, String dim, String value) {
        return !key.containsKey(dim) || key.get(dim).equals(value);
    }

    private static List<TrendsTable.Cell> cells(List<Answer> answers) {
        return answers.stream().flatMap(a -> a.table().cells().stream()).toList();
    }

    private static List<List<String>> subsets(List<String> dims, int max) {
        List<List<String>> result = new ArrayList<>();
        for (int mask = 0; mask < (1 << dims.size()); mask++) {
            if (Integer.bitCount(mask) <= max) {
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < dims.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(dims.get(i));
                    }
                }
                result.add(subset);
            }
        }
        return result;
    }
}
