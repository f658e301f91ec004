package nl.gehoord.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.http.Route;
import nl.gehoord.staff.StaffSessionService;

/**
 * The staff pages' counterpart of the API's AccessGuard: resolves the session cookie to the same staff actor,
 * checks the route's roles, and refuses any state change whose CSRF token does not match the session. Without
 * a session a page redirects to the log-in (htmx is told to go there); another role gets 403. Every answer gets
 * the pages' Content-Security-Policy.
 */
public final class WebGuard {
    private final WebSessions sessions;
    private final StaffSessionService staffSessions;
    private final Pages pages;

    public WebGuard(WebSessions sessions, StaffSessionService staffSessions, Pages pages) {
        this.sessions = sessions;
        this.staffSessions = staffSessions;
        this.pages = pages;
    }

    /** Scripts, styles, images, the event stream and form posts only from this server; no inline code at all. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Handler wrap(Route route) {
        boolean stream = route.path().equals(LiveUpdates.PATH);
        return ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            // "no-referrer" (the API's) makes browsers send "Origin: null" on form posts; the origin check needs
            // the real one, and a same-origin referrer goes nowhere else.
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Vary", "Cookie, HX-Request");
            try {
                if (!route.isPublic() && !admit(ctx, route, stream)) {
                    return;
                }
                route.handler().handle(ctx);
            } catch (ApiException e) {
                pages.error(ctx, e);
            }
        };
    }

    private boolean admit(Context ctx, Route route, boolean stream) {
        Optional<String> token = sessions.token(ctx);
        // The live stream does not count as use, so an open tab still reaches the idle time-out.
        Optional<Actor> actor = token.flatMap(t -> stream ? staffSessions.peek(t) : staffSessions.authenticate(t));
        if (actor.isEmpty()) {
            if (token.isPresent()) {
                sessions.close(ctx);
            }
            if (ctx.header("HX-Request") != null || stream || ctx.method() != HandlerType.GET) {
                ctx.header("HX-Redirect", "/web/login");
                ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8").result("");
            } else {
                String back = LoginPages.safeReturn(ctx.path());
                ctx.redirect(back == null ? "/web/login" : "/web/login?naar=" + back, HttpStatus.SEE_OTHER);
            }
            return false;
        }
        if (!route.roles().contains(actor.get().role())) {
            throw ApiException.forbidden();
        }
        if (ctx.method() != HandlerType.GET && !sessions.csrfOk(ctx, token.get())) {
            throw new ApiException(403, "csrf_failed");
        }
        Http.bind(ctx, actor.get());
        ctx.attribute(Pages.TOKEN, token.get());
        return true;
    }
}
