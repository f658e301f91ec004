package nl.gehoord.intake;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.gehoord.http.Http;
import nl.gehoord.organisations.PlacesService;
import nl.gehoord.text.Language;
import nl.gehoord.text.TextInfo;
import nl.gehoord.text.Wording;

/** Public, cacheable information for the app: the flow, the glossary, help numbers and the places to pick from. */
public final class InfoController {
    private final FlowCatalog flow;
    private final ContentCatalog content;
    private final PlacesService places;

    public InfoController(FlowCatalog flow, ContentCatalog content, PlacesService places) {
        this.flow = flow;
        this.content = content;
        this.places = places;
    }

    public void flow(Context ctx) {
        Language language = Http.language(ctx);
        String etag = flow.etag(language);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Language");
        FlowView view = flow.view(language);
        ctx.header("Content-Language", new TextInfo(view.language(), view.direction(), view.reviewed(),
                view.fallbackLanguages()).contentLanguage());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            ctx.status(304);
            return;
        }
        ctx.json(view);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    public void glossary(Context ctx) {
        Wording wording = new Wording(Http.language(ctx));
        var entries = content.glossary(wording);
        ctx.json(withTextInfo(ctx, wording, "entries", entries));
    }

    public void helpContacts(Context ctx) {
        Wording wording = new Wording(Http.language(ctx));
        var contacts = content.helpContacts(wording);
        String note = content.helpNote(wording);
        Map<String, Object> body = withTextInfo(ctx, wording, "contacts", contacts);
        body.put("note", note);
        ctx.json(body);
    }

    /** {"language", "direction", "reviewed", ["fallbackLanguages"], name: value}, and the Content-Language header. */
    public static Map<String, Object> withTextInfo(Context ctx, Wording wording, String name, Object value) {
        TextInfo info = wording.info();
        Http.contentLanguage(ctx, info);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", info.language());
        body.put("direction", info.direction());
        body.put("reviewed", info.reviewed());
        if (info.fallbackLanguages() != null) {
            body.put("fallbackLanguages", info.fallbackLanguages());
        }
        body.put(name, value);
        return body;
    }

    public void regions(Context ctx) {
        ctx.json(Map.of("regions", places.regions()));
    }
}
