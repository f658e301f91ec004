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
 * A request is handled as the method on its request line, nothing else. Javalin's {@code Context.method()}
 * reads {@code X-HTTP-Method-Override} before the request line, and everything in Javalin (the router, HEAD,
 * CORS, the request log) asks that method; so the request Javalin is given carries none of the headers that
 * frameworks use to override a method. This sits in front of the servlet, so no route can forget it.
 */
public final class MethodAsSent implements Filter {
    /** The names frameworks honour (Javalin, Spring, Rails, Symfony, Google APIs); lower case. */
    static final Set<String> OVERRIDES = Set.of("x-http-method-override", "x-http-method", "x-method-override");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && !HandlerType.findOrDefault(http.getMethod()).isHttpMethod()) {
            // Javalin keeps its before/after handlers in the same table as methods: a request line saying
            // BEFORE or AFTER would run them as if they were the endpoint.
            ((HttpServletResponse) response).sendError(405);
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
            names.removeIf(MethodAsSent::isOverride);
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
