package nl.gehoord.inbox;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** The inbox, the queue and the work on one case; plus the young person's two handling requests. */
public final class InboxController {
    private final InboxService inbox;

    public InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    public record TextBody(String text) {
    }

    public record StatusBody(String status, String explanation, Instant dueAt) {
    }

    public record DueDateBody(Instant dueAt, String explanation) {
    }

    public record VisitBody(Instant visitAt) {
    }

    public record AssignBody(String staffId) {
    }

    public void inbox(Context ctx) {
        ctx.json(inbox.inbox(Http.staff(ctx), filter(ctx)));
    }

    public void queue(Context ctx) {
        String scope = ctx.queryParam("scope");
        if (scope != null && !scope.equals("unassigned") && !scope.equals("team")) {
            throw ApiException.validation("scope", "unknown_option");
        }
        ctx.json(inbox.queue(Http.staff(ctx), filter(ctx), "team".equals(scope)));
    }

    public void open(Context ctx) {
        ctx.json(inbox.open(Http.staff(ctx), Http.idParam(ctx, "caseId")));
    }

    public void reply(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        TextBody body = Bodies.read(ctx, TextBody.class);
        ctx.status(201).json(inbox.reply(Http.staff(ctx), caseId, body.text()));
    }

    public void note(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        TextBody body = Bodies.read(ctx, TextBody.class);
        ctx.status(201).json(inbox.note(Http.staff(ctx), caseId, body.text()));
    }

    public void status(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        StatusBody body = Bodies.read(ctx, StatusBody.class);
        ctx.json(inbox.changeStatus(Http.staff(ctx), caseId,
                new InboxService.StatusChange(body.status(), body.explanation(), body.dueAt())));
    }

    public void dueDate(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        DueDateBody body = Bodies.read(ctx, DueDateBody.class);
        ctx.json(inbox.moveDueDate(Http.staff(ctx), caseId,
                new InboxService.DueDateChange(body.dueAt(), body.explanation())));
    }

    public void visit(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        VisitBody body = Bodies.read(ctx, VisitBody.class);
        ctx.json(inbox.planVisit(Http.staff(ctx), caseId, body.visitAt()));
    }

    public void assign(Context ctx) {
        String caseId = Http.idParam(ctx, "caseId");
        AssignBody body = Bodies.read(ctx, AssignBody.class);
        ctx.json(inbox.assign(Http.staff(ctx), caseId, body.staffId()));
    }

    public void askOtherTrustPerson(Context ctx) {
        inbox.askOtherTrustPerson(Http.device(ctx), Http.idParam(ctx, "caseId"));
        ctx.status(202).json(Map.of("received", true));
    }

    public void askVisit(Context ctx) {
        inbox.askVisit(Http.device(ctx), Http.idParam(ctx, "caseId"));
        ctx.status(202).json(Map.of("received", true));
    }

    private static InboxService.Filter filter(Context ctx) {
        return new InboxService.Filter(ctx.queryParam("status"), bool(ctx, "urgent"), bool(ctx, "overdue"),
                ctx.queryParam("cursor"), integer(ctx, "limit"));
    }

    private static Boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.validation(name, "wrong_type");
        }
        return Boolean.valueOf(value);
    }

    private static Integer integer(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            throw ApiException.validation(name, "wrong_type");
        }
        return Integer.valueOf(value);
    }
}
