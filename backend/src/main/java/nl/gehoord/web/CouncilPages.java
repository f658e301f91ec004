package nl.gehoord.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.http.Http;
import nl.gehoord.text.Language;
import nl.gehoord.trends.SignalTrendsTable;
import nl.gehoord.trends.TrendsChart;
import nl.gehoord.trends.TrendsCsv;
import nl.gehoord.trends.TrendsQuery;
import nl.gehoord.trends.TrendsService;
import nl.gehoord.trends.TrendsTable;

/**
 * The council's dashboard: the trends of its own scope as a chart with a text alternative, the same numbers as a
 * table, a CSV download, and what hidden numbers mean. All three come from the one TrendsService answer.
 */
public final class CouncilPages {
    private static final List<String> BREAKDOWNS = List.of("topic", "setting", "region", "ageBand");

    private final TrendsService trends;
    private final TrendsChart chart;
    private final Pages pages;

    public CouncilPages(TrendsService trends, TrendsChart chart, Pages pages) {
        this.trends = trends;
        this.chart = chart;
        this.pages = pages;
    }

    /** The form's choices: the period in months, one breakdown and whether to split by month. */
    public record Choice(String from, String to, String breakdown, boolean byMonth) {
        static Choice of(Context ctx) {
            String breakdown = ctx.queryParam("breakdown");
            return new Choice(blank(ctx.queryParam("from")), blank(ctx.queryParam("to")),
                    breakdown == null || breakdown.isBlank() || breakdown.equals("none") ? null : breakdown,
                    "true".equals(ctx.queryParam("perMonth")));
        }

        String by() {
            List<String> by = new ArrayList<>();
            if (byMonth) {
                by.add("month");
            }
            if (breakdown != null) {
                by.add(breakdown);
            }
            return String.join(",", by);
        }

        /** The same choice as a query string, for the chart and the CSV link. */
        public String query() {
            StringBuilder q = new StringBuilder("breakdown=").append(breakdown == null ? "none" : breakdown);
            if (from != null) {
                q.append("&from=").append(from);
            }
            if (to != null) {
                q.append("&to=").append(to);
            }
            if (byMonth) {
                q.append("&perMonth=true");
            }
            return q.toString();
        }

        public List<String> breakdowns() {
            return BREAKDOWNS;
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    private TrendsTable table(Context ctx, Choice choice) {
        TrendsQuery query = trends.parse(choice.from(), choice.to(), choice.by());
        return trends.trends(Http.staff(ctx), query);
    }

    public void page(Context ctx) {
        Choice choice = Choice.of(ctx);
        TrendsTable table = table(ctx, choice);
        Choice shown = new Choice(month(table.from()), month(table.to()), choice.breakdown(), choice.byMonth());
        SignalTrendsTable signals = trends.signals(Http.staff(ctx),
                trends.parse(shown.from(), shown.to(), shown.byMonth() ? "month" : ""));
        pages.render(ctx, "council.jte", pages.titled(ctx, "council.title", "council"),
                "t", table, "choice", shown, "regions", trends.regionNames(), "signals", signals);
    }

    /** The signal counts of the same period (per month when chosen) as CSV. */
    public void signalsCsv(Context ctx) {
        Choice choice = Choice.of(ctx);
        SignalTrendsTable table = trends.signals(Http.staff(ctx),
                trends.parse(choice.from(), choice.to(), choice.byMonth() ? "month" : ""));
        ctx.header("Content-Disposition", "attachment; filename=\"signals-" + table.from() + "-" + table.to()
                + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(TrendsCsv.render(table));
    }

    private static String month(String date) {
        return date != null && date.length() >= 7 ? date.substring(0, 7) : date;
    }

    public void csv(Context ctx) {
        TrendsTable table = table(ctx, Choice.of(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"trends-" + table.from() + "-" + table.to() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(TrendsCsv.render(table));
    }

    public void svg(Context ctx) {
        TrendsTable table = table(ctx, Choice.of(ctx));
        ctx.contentType("image/svg+xml; charset=utf-8").result(chart.render(table, pages.words(ctx).language(), trends.regionNames()));
    }
}
