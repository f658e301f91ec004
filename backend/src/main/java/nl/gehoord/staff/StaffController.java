package nl.gehoord.staff;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.http.RateLimits;

/** POST and DELETE /v1/staff/session. */
public final class StaffController {
    private static final RateLimits.Limit LOGINS_PER_ADDRESS = new RateLimits.Limit("login-address", 20, Duration.ofMinutes(15));
    /** Per account, keyed by a hash of the email: the same for known and unknown emails, so it reveals nothing. */
    private static final RateLimits.Limit LOGINS_PER_ACCOUNT = new RateLimits.Limit("login-account", 10, Duration.ofMinutes(15));

    private final StaffSessionService sessions;
    private final RateLimits limits;

    public StaffController(StaffSessionService sessions, RateLimits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    public void login(Context ctx) {
        limits.check(LOGINS_PER_ADDRESS, ctx.ip());
        StaffSessionService.Login body = Bodies.read(ctx, StaffSessionService.Login.class);
        if (body.email() != null) {
            limits.check(LOGINS_PER_ACCOUNT, SecretHasher.sha256(body.email().trim().toLowerCase(Locale.ROOT)));
        }
        ctx.status(201).json(sessions.login(body));
    }

    public void logout(Context ctx) {
        sessions.logout(Http.staff(ctx));
        ctx.status(204);
    }
}
