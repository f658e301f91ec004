package nl.gehoord.trends;

import io.javalin.http.Context;
import nl.gehoord.http.Http;
import nl.gehoord.text.Language;

/** GET /v1/trends, /v1/trends.csv and /v1/trends/chart.svg: the same query, three forms. */
public final class TrendsController {
    private final TrendsService trends;
    private final TrendsChart chart;

    public TrendsController(TrendsService trends, TrendsChart chart) {
        this.trends = trends;
        this.chart = chart;
    }

    private TrendsTable answer(Context ctx) {
        TrendsQuery query = trends.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("by"));
        ctx.header("Cache-Control", "no-store");
        return trends.trends(Http.staff(ctx), query);
    }

    public void json(Context ctx) {
        ctx.json(answer(ctx));
    }

    public void csv(Context ctx) {
        TrendsTable table = answer(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"trends-" + table.from() + "-" + table.to() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(TrendsCsv.render(table));
    }

    public void svg(Context ctx) {
        TrendsTable table = answer(ctx);
        Language language = Http.language(ctx);
        ctx.header("Content-Language", language.tag());
        ctx.contentType("image/svg+xml; charset=utf-8").result(chart.render(table, language, trends.regionNames()));
    }
}
