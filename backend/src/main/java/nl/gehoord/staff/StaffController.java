package nl.gehoord.staff;

import io.javalin.http.Context;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.http.Limited;
import nl.gehoord.http.RateLimitPolicy;

/** POST and DELETE /v1/staff/session. */
public final class StaffController {
    private final StaffSessionService sessions;
    private final RateLimitPolicy limits;

    /** Log-ins are limited per address and globally before the handler runs, and per account here. */
    public StaffController(StaffSessionService sessions, RateLimitPolicy limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    public void login(Context ctx) {
        StaffSessionService.Login body = Bodies.read(ctx, StaffSessionService.Login.class);
        if (body.email() != null && body.email().length() <= 254) {
            limits.checkAccount(Limited.LOGIN, body.email().trim().toLowerCase(java.util.Locale.ROOT));
        }
        ctx.status(201).json(sessions.login(body));
    }

    public void logout(Context ctx) {
        sessions.logout(Http.staff(ctx));
        ctx.status(204);
    }
}
