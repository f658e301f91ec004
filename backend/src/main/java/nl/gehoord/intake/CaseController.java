package nl.gehoord.intake;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.text.TextInfo;

/** The young person's case endpoints: parse, call the service, render. */
public final class CaseController {
    private final CaseService cases;

    /** Rate limits are applied before these handlers run: see the route in Routes. */
    private final CaseDevicesService devices;

    public CaseController(CaseService cases, CaseDevicesService devices) {
        this.cases = cases;
        this.devices = devices;
    }

    public void devices(Context ctx) {
        ctx.json(Map.of("devices", devices.list(Http.device(ctx), Http.idParam(ctx, "caseId"), Http.language(ctx))));
    }

    public void unlinkDevice(Context ctx) {
        devices.unlink(Http.device(ctx), Http.idParam(ctx, "caseId"), Http.idParam(ctx, "linkId"));
        ctx.status(204);
    }

    public record MessageBody(String text) {
    }

    public record ClaimBody(String caseCode) {
    }

    public record FeedbackBody(Integer score, String text) {
    }

    private static void speak(Context ctx, TextInfo info) {
        Http.contentLanguage(ctx, info);
    }

    public void create(Context ctx) {
        var device = Http.device(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("idempotency_key_missing");
        }
        if (!key.matches("[A-Za-z0-9_.:-]{8,128}")) {
            throw ApiException.badRequest("idempotency_key_invalid");
        }
        NewCaseRequest body = Bodies.read(ctx, NewCaseRequest.class);
        CaseViews.Created created = cases.create(device, key, body, Http.language(ctx));
        speak(ctx, created.textInfo());
        ctx.status(201).json(created);
    }

    public void list(Context ctx) {
        CaseViews.CaseList list = cases.list(Http.device(ctx), Http.language(ctx));
        speak(ctx, list.textInfo());
        ctx.json(list);
    }

    public void detail(Context ctx) {
        CaseViews.Detail detail = cases.detail(Http.device(ctx), Http.idParam(ctx, "caseId"), Http.language(ctx));
        speak(ctx, detail.textInfo());
        ctx.json(detail);
    }

    public void postMessage(Context ctx) {
        var device = Http.device(ctx);
        String caseId = Http.idParam(ctx, "caseId");
        MessageBody body = Bodies.read(ctx, MessageBody.class);
        ctx.status(201).json(cases.postMessage(device, caseId, body.text()));
    }

    public void messages(Context ctx) {
        String afterParam = ctx.queryParam("after");
        int after = 0;
        if (afterParam != null) {
            if (!afterParam.matches("\\d{1,9}")) {
                throw ApiException.validation("after", "wrong_type");
            }
            after = Integer.parseInt(afterParam);
        }
        ctx.json(cases.messages(Http.device(ctx), Http.idParam(ctx, "caseId"), after));
    }

    public void claim(Context ctx) {
        var device = Http.device(ctx);
        ClaimBody body = Bodies.read(ctx, ClaimBody.class);
        if (body.caseCode() == null) {
            throw ApiException.validation("caseCode", "required");
        }
        CaseViews.Summary claimed = cases.claim(device, body.caseCode(), Http.language(ctx));
        speak(ctx, claimed.textInfo());
        ctx.json(claimed);
    }

    public void withdraw(Context ctx) {
        CaseViews.Detail detail = cases.withdraw(Http.device(ctx), Http.idParam(ctx, "caseId"), Http.language(ctx));
        speak(ctx, detail.textInfo());
        ctx.json(detail);
    }

    public void erase(Context ctx) {
        cases.erase(Http.device(ctx), Http.idParam(ctx, "caseId"));
        ctx.status(204);
    }

    public void export(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        var export = cases.export(Http.device(ctx), caseId, Http.language(ctx));
        speak(ctx, export.textInfo());
        ctx.header("Content-Disposition", "attachment; filename=\"gehoord-" + caseId + ".json\"");
        ctx.json(export);
    }

    public void feedback(Context ctx) {
        FeedbackBody body = Bodies.read(ctx, FeedbackBody.class);
        cases.feedback(Http.device(ctx), Http.idParam(ctx, "caseId"), body.score(), body.text());
        ctx.status(201).json(Map.of("received", true));
    }
}
