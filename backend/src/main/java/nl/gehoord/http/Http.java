package nl.gehoord.http;

import io.javalin.http.Context;
import nl.gehoord.text.Language;

/** Small helpers that controllers share: who is calling, in which language. */
public final class Http {
    static final String ACTOR = "gehoord.actor";
    static final String REQUEST_ID = "gehoord.requestId";

    private Http() {
    }

    /** For a guard other than {@link AccessGuard} (the staff pages' cookie guard): the resolved caller. */
    public static void bind(Context ctx, Actor actor) {
        ctx.attribute(ACTOR, actor);
    }

    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        return actor == null ? new Actor.Anonymous() : actor;
    }

    public static Actor.Device device(Context ctx) {
        if (actor(ctx) instanceof Actor.Device device) {
            return device;
        }
        throw ApiException.unauthorized();
    }

    public static Actor.Staff staff(Context ctx) {
        if (actor(ctx) instanceof Actor.Staff staff) {
            return staff;
        }
        throw ApiException.unauthorized();
    }

    /**
     * The language of the answer: the one a young person picked in the app wins, then Accept-Language (with
     * quality values), then Dutch.
     */
    public static Language language(Context ctx) {
        if (actor(ctx) instanceof Actor.Device device && device.language() != null) {
            return Language.ofTag(device.language());
        }
        return Language.negotiate(ctx.header("Accept-Language"));
    }

    /** Says in the headers which language the texts of this answer are in. */
    public static void contentLanguage(Context ctx, nl.gehoord.text.TextInfo info) {
        ctx.header("Content-Language", info.contentLanguage());
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    /** A path parameter that must look like one of our ids; anything else is simply not found. */
    public static String idParam(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.length() > 64 || !value.matches("[A-Za-z0-9-]+")) {
            throw ApiException.notFound();
        }
        return value;
    }
}
