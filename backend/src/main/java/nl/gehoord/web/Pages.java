package nl.gehoord.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Http;
import nl.gehoord.http.Problem;
import nl.gehoord.http.ProblemRenderer;
import nl.gehoord.inbox.StaffProfileService;
import nl.gehoord.text.Language;

/**
 * Renders the precompiled templates (no compiler at run time) and the frame every page shares, and turns an
 * error into a page in plain words.
 */
public final class Pages {
    static final String TOKEN = "gehoord.web.token";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Assets assets;
    private final Words words;
    private final WebSessions sessions;
    private final ProblemRenderer problems;
    private final StaffProfileService profiles;

    public Pages(Assets assets, Words words, WebSessions sessions, ProblemRenderer problems,
                 StaffProfileService profiles) {
        this.assets = assets;
        this.words = words;
        this.sessions = sessions;
        this.problems = problems;
        this.profiles = profiles;
    }

    public Words words() {
        return words;
    }

    public Assets assets() {
        return assets;
    }

    /** The frame for a logged-in page, with the confirmation or error the previous step asked to show. */
    public Page page(Context ctx, String title, String nav) {
        Actor.Staff me = Http.staff(ctx);
        String token = ctx.attribute(TOKEN);
        StaffProfileService.Profile profile = profiles.me(me);
        Words mine = words.in(Language.ofTag(profile.language()));
        return new Page(title, me, profile.displayName(), sessions.csrf(token), assets, mine, nav, flash(ctx, mine));
    }

    /** The same, titled with one of the staff member's own words. */
    public Page titled(Context ctx, String titleKey, String nav) {
        Page page = page(ctx, "", nav);
        return new Page(page.words().get(titleKey), page.staff(), page.staffName(), page.csrf(), assets,
                page.words(), nav, page.flash());
    }

    /** The words in the logged-in staff member's language. */
    public Words words(Context ctx) {
        return words.in(Language.ofTag(profiles.me(Http.staff(ctx)).language()));
    }

    /** The frame for the log-in page. */
    public Page anonymous(String title, String csrf) {
        return new Page(title, null, null, csrf, assets, words, "login", null);
    }

    public void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    public void render(Context ctx, String template, Page page, Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        render(ctx, template, params);
    }

    /** An error as a page (or, for htmx, as the fragment it swaps in), in plain words, never with case content. */
    public void error(Context ctx, ApiException e) {
        boolean staff = Http.actor(ctx) instanceof Actor.Staff && ctx.attribute(TOKEN) != null;
        Page page = staff ? page(ctx, "", null) : anonymous("", "");
        Problem p = problems.render(e, page.words().language(), Http.requestId(ctx));
        ctx.status(e.status());
        e.headers().forEach(ctx::header);
        page = new Page(p.title(), page.staff(), page.staffName(), page.csrf(), assets, page.words(), null,
                page.flash());
        render(ctx, "error.jte", page, "problem", p);
    }

    /** A PDF to keep: a download that no cache keeps and no browser opens in the page. */
    static void pdf(Context ctx, String fileName, byte[] pdf) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.result(pdf);
        // A PDF has no character set; set directly so none is appended.
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Type", "application/pdf");
    }

    /** The redirect after a state change: back to where the form was, with a word to say it worked. */
    /** A change, then back to {@code back} with a word that it worked, or why it was refused; a 404 stays one. */
    public void act(Context ctx, String back, String what, Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            refused(ctx, back, e);
            return;
        }
        done(ctx, back, what);
    }

    public void done(Context ctx, String back, String what) {
        ctx.redirect(back + (back.contains("?") ? "&" : "?") + "klaar=" + what, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The redirect after a refused state change, with the reason's code (never the text that was typed). */
    public void refused(Context ctx, String back, ApiException e) {
        String code = e.status() == 422 && !e.errors().isEmpty() ? "veld-" + e.errors().get(0).field() + "-"
                + e.errors().get(0).code() : e.code();
        ctx.redirect(back + (back.contains("?") ? "&" : "?") + "fout=" + code, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private Page.Flash flash(Context ctx, Words words) {
        String done = ctx.queryParam("klaar");
        if (done != null && done.matches("[a-z_]{1,30}")) {
            String key = "done." + done;
            return new Page.Flash(false, words.has(key) ? words.get(key) : words.get("done.other"));
        }
        String error = ctx.queryParam("fout");
        if (error != null && error.matches("[A-Za-z_.-]{1,80}")) {
            if (error.startsWith("veld-")) {
                String[] parts = error.split("-", 3);
                if (parts.length == 3) {
                    String field = words.has("field." + parts[1]) ? words.get("field." + parts[1]) : parts[1];
                    Problem p = problems.render(422, "validation_failed",
                            List.of(new FieldError(parts[1], parts[2])), words.language(), "");
                    return new Page.Flash(true, field + ": " + p.errors().get(0).message());
                }
            }
            Problem p = problems.render(409, error, List.of(), words.language(), "");
            String key = "refused." + error;
            return new Page.Flash(true, words.has(key) ? words.get(key) : p.detail());
        }
        return null;
    }
}
