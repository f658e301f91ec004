package nl.gehoord.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import nl.gehoord.db.DatabaseBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become problem+json answers. Nothing from an exception's message reaches the client. */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final ProblemRenderer renderer;

    public ProblemMapper(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, new ApiException(e.getStatus(), ProblemRenderer.fallbackCode(e.getStatus()))));
        routes.exception(DatabaseBusyException.class, (e, ctx) ->
                write(ctx, new ApiException(503, "busy", List.of(), java.util.Map.of("Retry-After", "2"))));
        routes.exception(Exception.class, (e, ctx) -> {
            Integer clientStatus = ClientFault.status(e);
            if (clientStatus != null) {
                // The client's own connection failed (a body cut short, a bad chunk, a phone gone mid-upload):
                // not ours to fix, so a plain refusal and one quiet line, never a stack trace.
                LOG.info("request body ended early or broke off at {} {} (request {}): {}", ctx.method(),
                        ctx.endpoint() == null ? "?" : ctx.endpoint().path, Http.requestId(ctx),
                        ClientFault.describe(e));
                ctx.header("Connection", "close");
                write(ctx, new ApiException(clientStatus, clientStatus == 400 ? "body_incomplete"
                        : ProblemRenderer.fallbackCode(clientStatus)));
                return;
            }
            // Log the class and where, never the message: messages of library exceptions can quote input.
            LOG.error("unhandled {} at {} {} (request {})", e.getClass().getName(), ctx.method(),
                    ctx.endpoint() == null ? "?" : ctx.endpoint().path, Http.requestId(ctx), withoutMessage(e));
            write(ctx, new ApiException(500, "internal_error"));
        });
        for (int status : new int[] {404, 405}) {
            routes.error(status, ctx -> {
                String written = ctx.res().getContentType();
                if (written == null || !written.startsWith(Problem.CONTENT_TYPE)) {
                    write(ctx, new ApiException(status, ProblemRenderer.fallbackCode(status)));
                }
            });
        }
    }

    public void write(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        if (e.status() == 413) {
            // The rest of the body was never read: say the connection ends, so clients do not reuse it.
            ctx.header("Connection", "close");
        }
        Problem problem = renderer.render(e, Http.language(ctx), Http.requestId(ctx));
        ctx.status(e.status());
        ctx.header("Content-Language", Http.language(ctx).tag());
        ctx.contentType(Problem.CONTENT_TYPE);
        try {
            ctx.result(Json.mapper().writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            ctx.result("{\"status\":" + e.status() + "}");
        }
    }

    /** A copy of the stack trace without the message, so logs keep the place but not the words. */
    static Throwable withoutMessage(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(withoutMessage(e.getCause()));
        }
        return copy;
    }
}
