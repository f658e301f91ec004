package nl.gehoord.ops;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.db.Database;
import nl.gehoord.http.ApiException;

/** GET /health (the process answers) and GET /ready (the database answers and is migrated). */
public final class OpsController {
    private final Database db;

    public OpsController(Database db) {
        this.db = db;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void ready(Context ctx) {
        if (!db.ready()) {
            throw new ApiException(503, "not_ready");
        }
        ctx.json(Map.of("status", "ready"));
    }
}
