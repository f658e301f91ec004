package nl.gehoord.youth;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.http.JarFile;
import nl.gehoord.intake.InfoController;
import nl.gehoord.text.Catalog;
import nl.gehoord.text.Language;
import nl.gehoord.text.Wording;

/**
 * The youth web app: a few static files from the jar (no build step), and the words of the app itself in the
 * asked language. The app does the young person's journey through the public API only, as a phone app would.
 */
public final class YouthAppController {
    /** Pages and scripts of the app: same origin only, no inline code, no third party. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String FOLDER = "youth/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "webmanifest", "application/manifest+json",
            "png", "image/png");

    private final Catalog texts = new Catalog("app/app_");
    private final Map<String, JarFile> assets = new LinkedHashMap<>();

    public YouthAppController() {
        for (String file : List.of("index.html", "app.js", "api.js", "screens.js", "complaint.js", "ui.js", "app.css",
                "icons.svg", "sw.js", "manifest.webmanifest", "icon-192.png", "icon-512.png")) {
            assets.put(file, load(file));
        }
    }

    private static JarFile load(String file) {
        return JarFile.read(FOLDER + file, TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    }

    /** GET /app and /app/: the app's one page. */
    public void index(Context ctx) {
        serve(ctx, "index.html");
    }

    /** GET /app/{file}: a file of the app; only the files above exist. */
    public void file(Context ctx) {
        serve(ctx, ctx.pathParam("file"));
    }

    private void serve(Context ctx, String file) {
        JarFile asset = assets.get(file);
        if (asset == null) {
            throw ApiException.notFound();
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // Revalidated each time (cheap with the ETag); the service worker keeps the shell for offline use.
        ctx.header("Cache-Control", "no-cache");
        String etag = "\"" + asset.contentHash().substring(0, 16) + "\"";
        ctx.header("ETag", etag);
        if (file.equals("sw.js")) {
            ctx.header("Service-Worker-Allowed", "/app/");
        }
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    /** GET /v1/app-texts: the app's own words in the asked language, and the languages it can choose from. */
    public void texts(Context ctx) {
        Wording wording = new Wording(Http.language(ctx));
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : texts.keys()) {
            if (!key.startsWith("language.name.")) {
                words.put(key, wording.say(texts, key));
            }
        }
        List<Map<String, String>> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            languages.add(Map.of("tag", language.tag(), "name", texts.raw(Language.fallback(),
                    "language.name." + language.tag()), "direction", language.direction()));
        }
        Map<String, Object> body = InfoController.withTextInfo(ctx, wording, "texts", words);
        body.put("languages", languages);
        ctx.header("Vary", "Accept-Language");
        ctx.json(body);
    }
}
