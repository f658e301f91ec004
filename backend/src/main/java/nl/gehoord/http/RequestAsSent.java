package nl.gehoord.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request is handled as it was sent, nothing else. This sits in front of the servlet, so no route can forget it.
 * <ul>
 * <li>The method is the one on the request line. Javalin's {@code Context.method()} reads
 * {@code X-HTTP-Method-Override} before the request line, and everything in Javalin (the router, HEAD, CORS,
 * the request log) asks that method; so the request Javalin is given carries none of the headers frameworks use
 * to override a method. Javalin's own handler kinds (BEFORE, AFTER, ...) sit in the same table as methods and
 * are no methods: a request line naming one is refused.</li>
 * <li>The body is framed by Content-Length or by chunked alone. Jetty drops a transfer coding it does not know
 * (such as gzip) and reads the rest as plain, and accepts chunked from HTTP/1.0; RFC 9112 section 6.1 says such
 * framing is faulty, so it is refused before anything reads the body.</li>
 * </ul>
 */
public final class RequestAsSent implements Filter {
    /** The names frameworks honour (Javalin, Spring, Rails, Symfony, Google APIs); lower case. */
    static final Set<String> OVERRIDES = Set.of("x-http-method-override", "x-http-method", "x-method-override");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && !HandlerType.findOrDefault(http.getMethod()).isHttpMethod()) {
            // Javalin keeps its before/after handlers in the same table as methods: a request line saying
            // BEFORE or AFTER would run them as if they were the endpoint.
            ((HttpServletResponse) response).sendError(405);
        } else if (request instanceof HttpServletRequest http && !framedPlainly(http)) {
            HttpServletResponse refused = (HttpServletResponse) response;
            refused.setHeader("Connection", "close");
            refused.sendError(400);
        } else if (request instanceof HttpServletRequest http && carriesOverride(http)) {
            chain.doFilter(new WithoutOverride(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The second line of defence, for any other way a method could be derived: the method Javalin routed by
     * must be the one on the request line, or the request is refused before its handler runs.
     */
    public static void check(Context ctx) {
        if (!ctx.method().name().equals(ctx.req().getMethod())) {
            throw ApiException.badRequest("bad_request");
        }
    }

    /** No Transfer-Encoding, or exactly {@code chunked} on HTTP/1.1. */
    static boolean framedPlainly(HttpServletRequest request) {
        List<String> codings = new java.util.ArrayList<>();
        for (Enumeration<String> values = request.getHeaders("Transfer-Encoding"); values != null
                && values.hasMoreElements(); ) {
            for (String coding : values.nextElement().split(",")) {
                codings.add(coding.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (codings.isEmpty()) {
            return true;
        }
        return "HTTP/1.1".equals(request.getProtocol()) && codings.equals(List.of("chunked"));
    }

    private static boolean carriesOverride(HttpServletRequest request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            if (isOverride(names.nextElement())) {
                return true;
            }
        }
        return false;
    }

    static boolean isOverride(String name) {
        return name != null && OVERRIDES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class WithoutOverride extends HttpServletRequestWrapper {
        WithoutOverride(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isOverride(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isOverride(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(RequestAsSent::isOverride);
            return Collections.enumeration(names);
        }

        @Override
        public long getDateHeader(String name) {
            return isOverride(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public int getIntHeader(String name) {
            return isOverride(name) ? -1 : super.getIntHeader(name);
        }
    }
}
