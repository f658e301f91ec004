package nl.gehoord.inbox;

import io.javalin.http.Context;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** GET and PUT /v1/staff/me, POST /v1/staff/me/totp. */
public final class StaffProfileController {
    private final StaffProfileService profiles;

    public StaffProfileController(StaffProfileService profiles) {
        this.profiles = profiles;
    }

    public void me(Context ctx) {
        ctx.json(profiles.me(Http.staff(ctx)));
    }

    public void update(Context ctx) {
        StaffProfileService.Update body = Bodies.readWithoutNulls(ctx, StaffProfileService.Update.class);
        ctx.json(profiles.update(Http.staff(ctx), body));
    }

    /** Needs no body; a body that is sent must be an empty JSON object, so a stray or broken one is refused. */
    public record EnrolTotp() {
    }

    public void enrolTotp(Context ctx) {
        if (ctx.bodyAsBytes().length > 0) {
            Bodies.read(ctx, EnrolTotp.class);
        }
        ctx.status(201).json(profiles.enrolTotp(Http.staff(ctx)));
    }
}
