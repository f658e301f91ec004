package nl.gehoord.signals;

import io.javalin.http.Context;
import java.time.Instant;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** The signal endpoints for the organisation's trust persons and coordinators. */
public final class SignalController {
    private final SignalService signals;

    public SignalController(SignalService signals) {
        this.signals = signals;
    }

    public record SentBody(String recipient, Instant answerDueBy) {
    }

    public record AnswerBody(String text) {
    }

    public void create(Context ctx) {
        ctx.status(201).json(signals.create(Http.staff(ctx), Bodies.read(ctx, SignalService.NewSignal.class)));
    }

    public void list(Context ctx) {
        ctx.json(signals.list(Http.staff(ctx)));
    }

    public void get(Context ctx) {
        ctx.json(signals.get(Http.staff(ctx), Http.idParam(ctx, "signalId")));
    }

    public void report(Context ctx) {
        String signalId = Http.idParam(ctx, "signalId");
        SignalViews.Report report = signals.report(Http.staff(ctx), signalId, ctx.queryParam("recipient"));
        // Named only once the signal is known to be the caller's: a refusal echoes nothing that was sent.
        ctx.header("Content-Disposition", "attachment; filename=\"signaal-" + signalId + ".json\"");
        ctx.json(report);
    }

    /** The report as a tagged PDF: a file to keep, never cached. */
    public void reportPdf(Context ctx) {
        String signalId = Http.idParam(ctx, "signalId");
        byte[] pdf = signals.reportPdf(Http.staff(ctx), signalId, ctx.queryParam("recipient"));
        ctx.header("Content-Disposition", "attachment; filename=\"signaal-" + signalId + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        ctx.result(pdf);
        // A PDF has no character set; set directly so none is appended.
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Type", "application/pdf");
    }

    public void sent(Context ctx) {
        SentBody body = Bodies.read(ctx, SentBody.class);
        ctx.json(signals.markSent(Http.staff(ctx), Http.idParam(ctx, "signalId"), body.recipient(),
                body.answerDueBy()));
    }

    public void answer(Context ctx) {
        AnswerBody body = Bodies.read(ctx, AnswerBody.class);
        ctx.json(signals.answer(Http.staff(ctx), Http.idParam(ctx, "signalId"), body.text()));
    }

    public void suggestions(Context ctx) {
        ctx.json(signals.suggestions(Http.staff(ctx)));
    }
}
