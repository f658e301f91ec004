package nl.gehoord.inbox;

import io.javalin.http.Context;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** GET and PUT /v1/staff/me. */
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
}
