package nl.gehoord.inbox;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** /v1/canned-replies: read by trust persons, kept up to date by coordinators and admins. */
public final class CannedReplyController {
    private final CannedReplyService replies;

    public CannedReplyController(CannedReplyService replies) {
        this.replies = replies;
    }

    public void list(Context ctx) {
        ctx.json(Map.of("replies", replies.list(Http.staff(ctx))));
    }

    public void create(Context ctx) {
        CannedReplyService.Body body = Bodies.read(ctx, CannedReplyService.Body.class);
        ctx.status(201).json(replies.create(Http.staff(ctx), body));
    }

    public void update(Context ctx) {
        String id = Http.idParam(ctx, "replyId");
        CannedReplyService.Body body = Bodies.read(ctx, CannedReplyService.Body.class);
        ctx.json(replies.update(Http.staff(ctx), id, body));
    }

    public void delete(Context ctx) {
        replies.delete(Http.staff(ctx), Http.idParam(ctx, "replyId"));
        ctx.status(204);
    }
}
