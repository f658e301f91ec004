package nl.gehoord.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.http.RateLimitPolicy;
import nl.gehoord.http.Role;
import nl.gehoord.staff.StaffController;
import nl.gehoord.staff.StaffSessionService;

/** Log-in (e-mail, password and the authenticator code when one is set up) and log-out. */
public final class LoginPages {
    private final StaffSessionService sessions;
    private final WebSessions web;
    private final RateLimitPolicy limits;
    private final Pages pages;

    public LoginPages(StaffSessionService sessions, WebSessions web, RateLimitPolicy limits, Pages pages) {
        this.sessions = sessions;
        this.web = web;
        this.limits = limits;
        this.pages = pages;
    }

    public void form(Context ctx) {
        show(ctx, null, null, 200);
    }

    public void login(Context ctx) {
        if (!web.loginTokenOk(ctx)) {
            show(ctx, null, "login.expired", 403);
            return;
        }
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        String code = ctx.formParam("code");
        // The service slows failed log-ins per account and per address, but this browser's known-device cookie
        // only by failures made with it; the code is a second-factor code (six digits) or a recovery code.
        String second = code == null || code.isBlank() ? null : code.trim();
        boolean totp = second != null && second.matches("\\d{6}");
        StaffSessionService.Session session;
        try {
            session = sessions.login(new StaffSessionService.Login(email, password, totp ? second : null,
                            totp ? null : second, web.knownDevice(ctx)),
                    StaffController.originOf(ctx, limits));
        } catch (ApiException e) {
            if (e.status() == 429) {
                throw e;
            }
            show(ctx, email, e.status() == 422 ? "login.missing" : "login.failed", e.status());
            return;
        }
        web.open(ctx, session);
        String back = safeReturn(ctx.formParam("naar"));
        ctx.redirect(back != null ? back : home(Role.ofStaffRole(session.role())), HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        sessions.logout(Http.staff(ctx));
        web.close(ctx);
        ctx.redirect("/web/login?klaar=logout", HttpStatus.SEE_OTHER);
    }

    /**
     * A page to return to after log-in (a push's deep link to a case): only a path of the staff pages, so the
     * log-in can never send anyone to another site.
     */
    static String safeReturn(String path) {
        return path != null && path.matches("/web/(cases/[A-Za-z0-9-]{1,64}|inbox|queue|council|admin(/[a-z-]{1,20})?)") ? path : null;
    }

    /** The first page after log-in for each role. */
    public static String home(Role role) {
        return switch (role) {
            case COUNCIL -> "/web/council";
            case ADMIN -> "/web/admin";
            case COORDINATOR -> "/web/queue";
            default -> "/web/inbox";
        };
    }

    private void show(Context ctx, String email, String errorKey, int status) {
        String csrf = web.loginToken(ctx);
        Page page = pages.anonymous(pages.words().get("login.title"), csrf);
        ctx.status(status);
        String done = "logout".equals(ctx.queryParam("klaar")) ? pages.words().get("done.logout") : null;
        String back = safeReturn(ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam("naar")
                : ctx.queryParam("naar"));
        pages.render(ctx, "login.jte", page, "back", back, "email", email == null ? "" : email,
                "error", errorKey == null ? null : pages.words().get(errorKey), "done", done);
    }
}
