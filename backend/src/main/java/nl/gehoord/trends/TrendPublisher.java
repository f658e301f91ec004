package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.gehoord.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * Publishes ended months and rolling years per scope, once: the cells of a publication are computed when it is
 * first needed (by a query, or ahead by {@link TrendsWarmer}) and stored; a published count never changes after
 * that. The layer values (outcomes, formal complaints, first response on time) and the duration histograms are
 * computed a second and last time when the publication's last month is {@link #LAYERS_FINAL_AFTER_MONTHS} months
 * old, and never again. Stored tables are kept in memory once read ({@link PublishedCache}).
 *
 * <p>Several server instances may publish the same month at the same time: the month row is claimed first (an
 * insert that does nothing when the row exists), and only the transaction that claimed it writes the cells.
 */
public final class TrendPublisher {
    /** Months after the end of a month after which its layer values no longer change. */
    public static final int LAYERS_FINAL_AFTER_MONTHS = 3;

    private final Database db;
    private final PTable ptable;
    private final PTable yearPtable;
    private final PublishedCache cache = new PublishedCache();

    /** Publishes months with {@code ptable} and rolling years with {@code yearPtable}. */
    public TrendPublisher(Database db, PTable ptable, PTable yearPtable) {
        this.db = db;
        this.ptable = ptable;
        this.yearPtable = yearPtable;
    }

    /** With the standard tables: {@link PTable#standard()} for months, {@link PTable#year()} for years. */
    public TrendPublisher(Database db) {
        this(db, PTable.standard(), PTable.year());
    }

    /**
     * Forgets the stored tables kept in memory, for a database that was put back under a running server (tests
     * do; in service a publication is never removed).
     */
    void forgetKept() {
        cache.clear();
    }

    /** The table of months. */
    public PTable ptable() {
        return ptable;
    }

    /** The table of rolling years. */
    public PTable yearPtable() {
        return yearPtable;
    }

    private static int maxDimensions(Span span) {
        return span == Span.YEAR ? Span.YEAR_MAX_DIMENSIONS : TrendsQuery.MAX_DIMENSIONS;
    }

    /** The table for counts of cases from more than one month. */
    private PTable ptable(Span span) {
        return span == Span.YEAR ? yearPtable : ptable;
    }

    /** True when a month's layer values are final, given the last month that has ended. */
    static boolean layersFinal(YearMonth month, YearMonth lastEnded) {
        return !month.plusMonths(LAYERS_FINAL_AFTER_MONTHS).isAfter(lastEnded);
    }

    /**
     * Makes sure every month of the range (up to {@code lastEnded}), and every year ending in it, is published for
     * the scope, with final layer values where they are due.
     *
     * @return how many publications were made or made final now
     */
    public int ensure(CouncilScope scope, YearMonth from, YearMonth to, YearMonth lastEnded) {
        List<Span.Part> parts = new ArrayList<>();
        YearMonth end = to.isAfter(lastEnded) ? lastEnded : to;
        for (YearMonth m = from; !m.isAfter(end); m = m.plusMonths(1)) {
            parts.add(new Span.Part(Span.MONTH, m));
            parts.add(new Span.Part(Span.YEAR, m));
        }
        return ensure(scope, parts, lastEnded);
    }

    /** Makes sure these publications (up to {@code lastEnded}) are there, with final layer values where due. */
    int ensure(CouncilScope scope, List<Span.Part> parts, YearMonth lastEnded) {
        Map<Span, TreeSet<YearMonth>> wanted = new EnumMap<>(Span.class);
        for (Span.Part p : parts) {
            if (!p.end().isAfter(lastEnded)) {
                wanted.computeIfAbsent(p.span(), s -> new TreeSet<>()).add(p.end());
            }
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        String key = scope.key();
        List<Span.Part> due = db.read(h -> {
            PublishedTrendsDao dao = h.attach(PublishedTrendsDao.class);
            List<Span.Part> list = new ArrayList<>();
            wanted.forEach((span, months) -> {
                Map<String, Boolean> have = new HashMap<>();
                dao.months(span.monthsTable, key, months.first().toString(), months.last().toString())
                        .forEach(m -> have.put(m.month(), m.layersFinal()));
                for (YearMonth m : months) {
                    Boolean layers = have.get(m.toString());
                    if (layers == null || (!layers && layersFinal(m, lastEnded))) {
                        list.add(new Span.Part(span, m));
                    }
                }
            });
            return list;
        });
        if (due.isEmpty()) {
            return 0;
        }
        return db.write(h -> {
            List<String> regions = CouncilScopes.regionsOf(h, scope);
            int n = 0;
            for (Span.Part part : due) {
                n += publish(h, scope, regions, part, layersFinal(part.end(), lastEnded)) ? 1 : 0;
            }
            return n;
        });
    }

    private boolean publish(Handle h, CouncilScope scope, List<String> regions, Span.Part part, boolean finalNow) {
        PublishedTrendsDao dao = h.attach(PublishedTrendsDao.class);
        String key = scope.key();
        Span span = part.span();
        String m = part.end().toString();
        String first = span.first(part.end()).toString();
        if (dao.claimMonth(span.monthsTable, key, m, finalNow) == 1) {
            dao.insertCells(span.cellsTable, key,
                    MonthPublisher.cells(m, dao.atoms(scope, regions, first, m), ptable, ptable(span), maxDimensions(span)));
            return true;
        }
        if (finalNow && dao.claimFinalLayers(span.monthsTable, key, m) == 1) {
            List<PublishedCell> before = dao.monthCells(span.cellsTable, key, m);
            List<PublishedCell> now =
                    MonthPublisher.cells(m, dao.atoms(scope, regions, first, m), ptable, ptable(span), maxDimensions(span));
            dao.deleteCells(span.cellsTable, key, m);
            dao.insertCells(span.cellsTable, key, MonthPublisher.withFinalLayers(before, now));
            return true;
        }
        return false;
    }

    /** A stored table wanted for an answer: a publication and the table's category dimensions (its code). */
    record Wanted(Span.Part part, String dims) {
    }

    /**
     * The stored tables, published first where needed: from memory when kept and still current, otherwise read
     * from the database (and kept). In the order asked.
     */
    List<PublishedCache.Table> tables(CouncilScope scope, List<Wanted> wanted, YearMonth lastEnded) {
        return tables(scope, wanted, lastEnded, new boolean[1]);
    }

    /** The same; {@code current[0]} is set false when a table was not yet what every instance stores for it. */
    List<PublishedCache.Table> tables(CouncilScope scope, List<Wanted> wanted, YearMonth lastEnded, boolean[] current) {
        String key = scope.key();
        PublishedCache.Table[] out = new PublishedCache.Table[wanted.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Wanted w = wanted.get(i);
            PublishedCache.Table t = cache.get(cacheKey(key, w));
            if (t != null && (t.layersFinal() || !layersFinal(w.part().end(), lastEnded))) {
                out[i] = t;
            } else {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return List.of(out);
        }
        ensure(scope, missing.stream().map(i -> wanted.get(i).part()).toList(), lastEnded);
        db.read(h -> {
            PublishedTrendsDao dao = h.attach(PublishedTrendsDao.class);
            for (int i : missing) {
                Wanted w = wanted.get(i);
                Span span = w.part().span();
                String m = w.part().end().toString();
                List<PublishedTrendsDao.PublishedMonth> row = dao.months(span.monthsTable, key, m, m);
                boolean layers = !row.isEmpty() && row.get(0).layersFinal();
                PublishedCache.Table t = PublishedCache.table(layers,
                        dao.tableCells(span.cellsTable, key, w.dims(), m));
                // Kept only when it is what every instance stores for it by now: published, and final once due.
                if (!row.isEmpty() && layers == layersFinal(w.part().end(), lastEnded)) {
                    cache.put(cacheKey(key, w), t);
                } else {
                    current[0] = false;
                }
                out[i] = t;
            }
            return null;
        });
        return List.of(out);
    }

    private static PublishedCache.Key cacheKey(String scopeKey, Wanted w) {
        return new PublishedCache.Key(scopeKey, w.part().span(), w.part().end().toString(), w.dims());
    }
}
