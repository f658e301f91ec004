package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * Publishes ended months per scope, once: the cells of a month are computed when it is first needed (by a query,
 * or ahead by {@link TrendsWarmer}) and stored; a published count never changes after that. The layer values
 * (outcomes, formal complaints, first response on time) and the duration histograms are computed a second and
 * last time when the month is {@link #LAYERS_FINAL_AFTER_MONTHS} months old, and never again.
 *
 * <p>Several server instances may publish the same month at the same time: the month row is claimed first (an
 * insert that does nothing when the row exists), and only the transaction that claimed it writes the cells.
 */
public final class TrendPublisher {
    /** Months after the end of a month after which its layer values no longer change. */
    public static final int LAYERS_FINAL_AFTER_MONTHS = 3;

    private final Database db;
    private final PTable ptable;

    public TrendPublisher(Database db, PTable ptable) {
        this.db = db;
        this.ptable = ptable;
    }

    public PTable ptable() {
        return ptable;
    }

    /** True when a month's layer values are final, given the last month that has ended. */
    static boolean layersFinal(YearMonth month, YearMonth lastEnded) {
        return !month.plusMonths(LAYERS_FINAL_AFTER_MONTHS).isAfter(lastEnded);
    }

    /**
     * Makes sure every month of the range (up to {@code lastEnded}) is published for the scope, with final layer
     * values where they are due.
     *
     * @return how many months were published or made final now
     */
    public int ensure(CouncilScope scope, YearMonth from, YearMonth to, YearMonth lastEnded) {
        YearMonth end = to.isAfter(lastEnded) ? lastEnded : to;
        if (from.isAfter(end)) {
            return 0;
        }
        String key = scope.key();
        Map<String, Boolean> have = new HashMap<>();
        db.read(h -> h.attach(PublishedTrendsDao.class).months(key, from.toString(), end.toString()))
                .forEach(m -> have.put(m.month(), m.layersFinal()));
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(end); m = m.plusMonths(1)) {
            Boolean layers = have.get(m.toString());
            if (layers == null || (!layers && layersFinal(m, lastEnded))) {
                due.add(m);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        return db.write(h -> {
            List<String> regions = CouncilScopes.regionsOf(h, scope);
            int n = 0;
            for (YearMonth month : due) {
                n += publish(h, scope, regions, month, layersFinal(month, lastEnded)) ? 1 : 0;
            }
            return n;
        });
    }

    private boolean publish(Handle h, CouncilScope scope, List<String> regions, YearMonth month, boolean finalNow) {
        PublishedTrendsDao dao = h.attach(PublishedTrendsDao.class);
        String key = scope.key();
        String m = month.toString();
        if (dao.claimMonth(key, m, finalNow) == 1) {
            dao.insertCells(key, MonthPublisher.cells(m, dao.atoms(scope, regions, m), ptable));
            return true;
        }
        if (finalNow && dao.claimFinalLayers(key, m) == 1) {
            List<PublishedCell> first = dao.monthCells(key, m);
            List<PublishedCell> now = MonthPublisher.cells(m, dao.atoms(scope, regions, m), ptable);
            dao.deleteCells(key, m);
            dao.insertCells(key, MonthPublisher.withFinalLayers(first, now));
            return true;
        }
        return false;
    }
}
