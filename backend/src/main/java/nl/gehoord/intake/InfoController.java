package nl.gehoord.intake;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.http.Http;
import nl.gehoord.organisations.PlacesService;
import nl.gehoord.text.Language;

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
        ctx.header("Content-Language", language.tag());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            ctx.status(304);
            return;
        }
        ctx.json(flow.view(language));
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
        Language language = Http.language(ctx);
        ctx.header("Content-Language", language.tag());
        ctx.json(Map.of("language", language.tag(), "entries", content.glossary(language)));
    }

    public void helpContacts(Context ctx) {
        Language language = Http.language(ctx);
        ctx.header("Content-Language", language.tag());
        ctx.json(Map.of("language", language.tag(), "contacts", content.helpContacts(language)));
    }

    public void regions(Context ctx) {
        ctx.json(Map.of("regions", places.regions()));
    }
}
