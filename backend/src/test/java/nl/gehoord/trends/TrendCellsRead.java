package nl.gehoord.trends;

import java.time.YearMonth;
import java.util.List;

/** For benchmarks: how many stored tables and cells (of months and of years) an answer adds up. */
public final class TrendCellsRead {
    private TrendCellsRead() {
    }

    /** Stored tables read for an answer, and their cells, split into month and year cells. */
    public record Count(int tables, int monthCells, int yearCells) {
        public int cells() {
            return monthCells + yearCells;
        }
    }

    public static Count count(TrendPublisher publisher, CouncilScope scope, TrendsQuery query, YearMonth lastEnded) {
        List<TrendPublisher.Wanted> wanted = TrendsService.wanted(query);
        List<PublishedCache.Table> tables = publisher.tables(scope, wanted, lastEnded);
        int month = 0;
        int year = 0;
        for (int i = 0; i < tables.size(); i++) {
            int n = tables.get(i).cells().size();
            if (wanted.get(i).part().span() == Span.YEAR) {
                year += n;
            } else {
                month += n;
            }
        }
        return new Count(tables.size(), month, year);
    }
}
