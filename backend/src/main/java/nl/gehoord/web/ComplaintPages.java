package nl.gehoord.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.gehoord.complaint.ComplaintService;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;

/**
 * The formal complaint on the case page, for the trust person who handles the case: start it, reword a formal
 * paragraph, send the approved letter, record the committee's decision and the provider's measures, download the
 * letter. Each is the ComplaintService call the API makes, then back to the case page.
 */
public final class ComplaintPages {
    private final ComplaintService complaints;
    private final Pages pages;

    public ComplaintPages(ComplaintService complaints, Pages pages) {
        this.complaints = complaints;
        this.pages = pages;
    }

    public void start(Context ctx) {
        CasePages.act(pages, ctx, "complaint_started", () -> complaints.start(Http.staff(ctx), CasePages.id(ctx),
                blankToNull(ctx.formParam("kind"))));
    }

    /** One paragraph's new formal wording, or (with {@code restore}) the drafted wording back. */
    public void reword(Context ctx) {
        String paragraph = ctx.formParam("paragraph");
        boolean restore = "true".equals(ctx.formParam("restore"));
        CasePages.act(pages, ctx, restore ? "complaint_restored" : "complaint_reworded", () -> complaints.reword(
                Http.staff(ctx), CasePages.id(ctx),
                restore || paragraph == null ? Map.of() : Map.of(paragraph, text(ctx)),
                restore && paragraph != null ? List.of(paragraph) : List.of()));
    }

    public void send(Context ctx) {
        CasePages.act(pages, ctx, "complaint_sent", () -> complaints.send(Http.staff(ctx), CasePages.id(ctx)));
    }

    public void decision(Context ctx) {
        CasePages.act(pages, ctx, "complaint_decision", () -> complaints.decide(Http.staff(ctx), CasePages.id(ctx),
                blankToNull(ctx.formParam("outcome")), date(ctx, "decidedOn"), blankToNull(ctx.formParam("explanation"))));
    }

    public void measures(Context ctx) {
        CasePages.act(pages, ctx, "complaint_measures", () -> complaints.measures(Http.staff(ctx), CasePages.id(ctx),
                blankToNull(ctx.formParam("explanation"))));
    }

    /** The sent letter, as the API gives it: a download, never cached; reading it is audited. */
    public void letter(Context ctx) {
        String caseId = CasePages.id(ctx);
        byte[] pdf = complaints.letterForTrustPerson(Http.staff(ctx), caseId);
        Pages.pdf(ctx, "klacht-" + caseId + ".pdf", pdf);
    }

    private static String text(Context ctx) {
        String text = ctx.formParam("text");
        return text == null ? "" : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static LocalDate date(Context ctx, String field) {
        String value = blankToNull(ctx.formParam(field));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "invalid_value");
        }
    }
}
