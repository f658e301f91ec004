package nl.gehoord.staff;

import io.javalin.http.Context;
import java.time.Duration;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.http.RateLimits;

/** POST and DELETE /v1/staff/session. */
public final class StaffController {
    private static final RateLimits.Limit LOGINS_PER_ADDRESS = new RateLimits.Limit("login-address", 20, Duration.ofMinutes(15));

    private final StaffSessionService sessions;
    private final RateLimits limits;

    public StaffController(StaffSessionService sessions, RateLimits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    public void login(Context ctx) {
        limits.check(LOGINS_PER_ADDRESS, ctx.ip());
        StaffSessionService.Login body = Bodies.read(ctx, StaffSessionService.Login.class);
        ctx.status(201).json(sessions.login(body));
    }

    public void logout(Context ctx) {
        sessions.logout(Http.staff(ctx));
        ctx.status(204);
    }
}
