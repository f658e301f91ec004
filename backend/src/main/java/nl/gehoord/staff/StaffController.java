package nl.gehoord.staff;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.http.Limited;
import nl.gehoord.http.RateLimitPolicy;

/** Staff sessions, invitations, the own password, the own sessions and the second factor. */
public final class StaffController {
    private final StaffSessionService sessions;
    private final StaffAccounts accounts;
    private final RateLimitPolicy limits;

    /** Log-ins are limited per address and globally before the handler runs, and slowed per account after failures. */
    public StaffController(StaffSessionService sessions, StaffAccounts accounts, RateLimitPolicy limits) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.limits = limits;
    }

    /** Takes an empty JSON object, so a stray or broken body is refused rather than ignored. */
    public record Empty() {
    }

    private StaffSessionService.Origin origin(Context ctx) {
        return originOf(ctx, limits);
    }

    /** Where a log-in comes from, for the API and the staff pages alike: the client address and a coarse label. */
    public static StaffSessionService.Origin originOf(Context ctx, RateLimitPolicy limits) {
        return new StaffSessionService.Origin(limits.clientAddress(ctx), ClientLabel.of(ctx.header("User-Agent")));
    }

    public void login(Context ctx) {
        StaffSessionService.Login body = Bodies.read(ctx, StaffSessionService.Login.class);
        ctx.status(201).json(sessions.login(body, origin(ctx)));
    }

    public void logout(Context ctx) {
        sessions.logout(Http.staff(ctx));
        ctx.status(204);
    }

    public void acceptInvitation(Context ctx) {
        StaffAccounts.Acceptance body = Bodies.read(ctx, StaffAccounts.Acceptance.class);
        ctx.status(201).json(accounts.accept(body, origin(ctx)));
    }

    public void changePassword(Context ctx) {
        StaffSessionService.PasswordChange body = Bodies.read(ctx, StaffSessionService.PasswordChange.class);
        sessions.changePassword(Http.staff(ctx), body, origin(ctx));
        ctx.status(204);
    }

    public void sessions(Context ctx) {
        ctx.json(Map.of("sessions", sessions.sessions(Http.staff(ctx))));
    }

    public void logoutEverywhere(Context ctx) {
        sessions.logoutEverywhere(Http.staff(ctx));
        ctx.status(204);
    }

    public void endSession(Context ctx) {
        sessions.endSession(Http.staff(ctx), Http.idParam(ctx, "sessionId"));
        ctx.status(204);
    }

    public void startTotp(Context ctx) {
        Bodies.read(ctx, Empty.class);
        ctx.status(201).json(accounts.startTotp(Http.staff(ctx)));
    }

    public void confirmTotp(Context ctx) {
        StaffAccounts.TotpConfirm body = Bodies.read(ctx, StaffAccounts.TotpConfirm.class);
        ctx.json(accounts.confirmTotp(Http.staff(ctx), body, origin(ctx)));
    }
}
