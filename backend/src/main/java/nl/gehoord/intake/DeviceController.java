package nl.gehoord.intake;

import io.javalin.http.Context;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;

/** POST /v1/devices, PUT and DELETE /v1/devices/me. */
public final class DeviceController {
    private final DeviceService devices;

    /** Registration is rate limited before the handler runs: see the route in Routes. */
    public DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    public void register(Context ctx) {
        DeviceService.Registration body = Bodies.read(ctx, DeviceService.Registration.class);
        ctx.status(201).json(devices.register(body));
    }

    public void update(Context ctx) {
        DeviceService.Update body = Bodies.readWithoutNulls(ctx, DeviceService.Update.class);
        ctx.json(devices.update(Http.device(ctx), body));
    }

    public void current(Context ctx) {
        ctx.json(devices.current(Http.device(ctx)));
    }

    public void delete(Context ctx) {
        devices.delete(Http.device(ctx));
        ctx.status(204);
    }
}
