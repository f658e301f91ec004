package nl.gehoord.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import nl.gehoord.text.Language;

/**
 * Errors that Jetty answers before a request reaches Javalin (a malformed URI, headers too large, an
 * ambiguous path) are problem+json too, in plain words, instead of Jetty's HTML page.
 */
public final class JettyProblems {
    private JettyProblems() {
    }

    static byte[] body(ProblemRenderer renderer, int status, String acceptLanguage) {
        Problem problem = renderer.render(status, ProblemRenderer.fallbackCode(status), List.of(),
                Language.negotiate(acceptLanguage), "");
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    static void write(ProblemRenderer renderer, Request request, Response response, int status, Callback callback) {
        byte[] body = body(renderer, status, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static ByteBuffer badMessage(ProblemRenderer renderer, int status, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return ByteBuffer.wrap(body(renderer, status, null));
    }

    /** For the server: requests Jetty could not parse or route. */
    public static final class ServerHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        private final ProblemRenderer renderer;

        public ServerHandler(ProblemRenderer renderer) {
            this.renderer = renderer;
        }

        /** Jetty writes an error body only for GET, POST and HEAD by default; every method gets one here. */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            JettyProblems.write(renderer, request, response, code, callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(renderer, status, fields);
        }
    }

    /** For the servlet context Javalin runs in. */
    public static final class ContextHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        private final ProblemRenderer renderer;

        public ContextHandler(ProblemRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            JettyProblems.write(renderer, request, response, code, callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(renderer, status, fields);
        }
    }
}
