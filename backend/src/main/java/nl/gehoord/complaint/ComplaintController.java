package nl.gehoord.complaint;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** The formal complaint's endpoints for the young person, the trust person and the admin: parse, call, render. */
public final class ComplaintController {
    private final ComplaintService complaints;

    public ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    public record StartBody(String kind) {
    }

    public record WordingBody(Map<String, String> paragraphs, List<String> remove) {
    }

    public record DecisionBody(String outcome, String decidedOn, String explanation) {
    }

    public record MeasuresBody(String explanation) {
    }

    public record ApprovalBody(Integer version) {
    }

    public record SettingsBody(String letterheadName, List<String> letterheadLines, Integer committeeWeeks,
                               Integer freedomWeeks) {
    }

    // Young person

    public void youthView(Context ctx) {
        var view = complaints.forYoungPerson(Http.device(ctx), Http.idParam(ctx, "caseId"), Http.language(ctx));
        Http.contentLanguage(ctx, view.textInfo());
        ctx.json(view);
    }

    public void answer(Context ctx) {
        var body = Bodies.read(ctx, ComplaintService.Answers.class);
        var view = complaints.answer(Http.device(ctx), Http.idParam(ctx, "caseId"), body, Http.language(ctx));
        Http.contentLanguage(ctx, view.textInfo());
        ctx.json(view);
    }

    public void approve(Context ctx) {
        var body = Bodies.read(ctx, ApprovalBody.class);
        var view = complaints.approve(Http.device(ctx), Http.idParam(ctx, "caseId"), body.version(),
                Http.language(ctx));
        Http.contentLanguage(ctx, view.textInfo());
        ctx.json(view);
    }

    public void youthLetter(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        pdf(ctx, caseId, complaints.letterForYoungPerson(Http.device(ctx), caseId));
    }

    // Trust person

    public void start(Context ctx) {
        var body = Bodies.read(ctx, StartBody.class);
        ctx.status(201).json(complaints.start(Http.staff(ctx), Http.idParam(ctx, "caseId"), body.kind()));
    }

    public void staffView(Context ctx) {
        ctx.json(complaints.forTrustPerson(Http.staff(ctx), Http.idParam(ctx, "caseId")));
    }

    public void reword(Context ctx) {
        var body = Bodies.read(ctx, WordingBody.class);
        ctx.json(complaints.reword(Http.staff(ctx), Http.idParam(ctx, "caseId"), body.paragraphs(),
                body.remove()));
    }

    public void send(Context ctx) {
        ctx.json(complaints.send(Http.staff(ctx), Http.idParam(ctx, "caseId")));
    }

    public void decision(Context ctx) {
        var body = Bodies.read(ctx, DecisionBody.class);
        LocalDate decidedOn = null;
        if (body.decidedOn() != null) {
            try {
                decidedOn = LocalDate.parse(body.decidedOn());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("decidedOn", "invalid_value");
            }
        }
        ctx.json(complaints.decide(Http.staff(ctx), Http.idParam(ctx, "caseId"), body.outcome(), decidedOn,
                body.explanation()));
    }

    public void measures(Context ctx) {
        var body = Bodies.read(ctx, MeasuresBody.class);
        ctx.json(complaints.measures(Http.staff(ctx), Http.idParam(ctx, "caseId"), body.explanation()));
    }

    public void staffLetter(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        pdf(ctx, caseId, complaints.letterForTrustPerson(Http.staff(ctx), caseId));
    }

    // Admin

    public void settings(Context ctx) {
        ctx.json(complaints.settings(Http.staff(ctx), Http.idParam(ctx, "organisationId")));
    }

    public void saveSettings(Context ctx) {
        var body = Bodies.read(ctx, SettingsBody.class);
        if (body.committeeWeeks() == null || body.freedomWeeks() == null) {
            throw ApiException.validation(body.committeeWeeks() == null ? "committeeWeeks" : "freedomWeeks",
                    "required");
        }
        String organisationId = Http.idParam(ctx, "organisationId");
        ctx.json(complaints.saveSettings(Http.staff(ctx), organisationId, new ComplaintViews.Settings(organisationId,
                body.letterheadName(), body.letterheadLines(), body.committeeWeeks(), body.freedomWeeks())));
    }

    /** The letter is a file to keep: never cached, never shown inline by a browser that might keep it. */
    private static void pdf(Context ctx, String caseId, byte[] pdf) {
        ctx.header("Content-Disposition", "attachment; filename=\"klacht-" + caseId + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        ctx.result(pdf);
        // A PDF has no character set; set directly so none is appended.
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Type", "application/pdf");
    }
}
