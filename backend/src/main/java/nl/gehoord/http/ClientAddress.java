package nl.gehoord.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * The address of the real client, for per-address limits. The connection's peer is the client unless it is a
 * configured trusted proxy; only then is X-Forwarded-For read, from the right, skipping further trusted proxies.
 * A client cannot choose its address by sending the header itself: without a trusted proxy it is ignored.
 */
public final class ClientAddress {
    private static final int MAX_HOPS = 20;

    private final IpRanges trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = new IpRanges(trustedProxies);
    }

    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), forwardedFor(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /**
     * Every X-Forwarded-For line, in order, as one list (RFC 9110 section 5.3). Reading only the first line
     * would believe the one a client wrote itself when the proxy adds its own line below it.
     */
    static String forwardedFor(java.util.Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        return String.join(",", java.util.Collections.list(lines));
    }

    String resolve(String peer, String forwardedFor) {
        String client = IpRanges.canonical(peer).orElse(peer);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(client) || forwardedFor == null) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            var hop = IpRanges.canonical(hops[i]);
            if (hop.isEmpty()) {
                // Garbage where an address should be: stop believing the header here.
                return client;
            }
            client = hop.get();
            if (!trustedProxies.contains(client)) {
                return client;
            }
        }
        return client;
    }
}
