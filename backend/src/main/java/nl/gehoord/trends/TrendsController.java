package nl.gehoord.trends;

import io.javalin.http.Context;
import nl.gehoord.http.Http;
import nl.gehoord.text.Language;

/** GET /v1/trends, /v1/trends.csv and /v1/trends/chart.svg: the same query, three forms. */
public final class TrendsController {
    private final TrendsService trends;
    private final TrendsChart chart;
    private final TrendLabels labels;

    public TrendsController(TrendsService trends, TrendsChart chart, TrendLabels labels) {
        this.trends = trends;
        this.chart = chart;
        this.labels = labels;
    }

    private TrendsTable answer(Context ctx, Language language) {
        TrendsQuery query = trends.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("by"));
        ctx.header("Cache-Control", "no-store");
        TrendsTable table = trends.trends(Http.staff(ctx), query);
        return table.explained(labels.explanation(language, table.perturbation()));
    }

    public void json(Context ctx) {
        TrendsQuery query = trends.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("by"));
        ctx.header("Cache-Control", "no-store");
        Language language = Http.language(ctx);
        byte[] json = trends.json(Http.staff(ctx), query, language.tag(),
                table -> table.explained(labels.explanation(language, table.perturbation())));
        ctx.contentType("application/json").result(json);
    }

    private SignalTrendsTable signals(Context ctx) {
        TrendsQuery query = trends.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("by"));
        ctx.header("Cache-Control", "no-store");
        SignalTrendsTable table = trends.signals(Http.staff(ctx), query);
        return table.explained(labels.explanation(Http.language(ctx), table.perturbation()));
    }

    public void signalsJson(Context ctx) {
        ctx.json(signals(ctx));
    }

    public void signalsCsv(Context ctx) {
        SignalTrendsTable table = signals(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"signals-" + table.from() + "-" + table.to()
                + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(TrendsCsv.render(table));
    }

    public void csv(Context ctx) {
        TrendsTable table = answer(ctx, Http.language(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"trends-" + table.from() + "-" + table.to() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8; header=present").result(TrendsCsv.render(table));
    }

    public void svg(Context ctx) {
        Language language = Http.language(ctx);
        TrendsTable table = answer(ctx, language);
        ctx.header("Content-Language", language.tag());
        ctx.contentType("image/svg+xml; charset=utf-8").result(chart.render(table, language, trends.regionNames()));
    }
}
