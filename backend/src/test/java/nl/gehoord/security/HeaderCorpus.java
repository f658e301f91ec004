package nl.gehoord.security;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.security.HostileCorpus.Hostile;

/**
 * Every header that some framework or proxy interprets on the server's behalf, on every route: the method
 * overrides (the request must be answered exactly as without them), the forwarded and rewrite headers (a
 * refused caller stays refused, whichever address, host, scheme or path they claim). Plus the same on the
 * young person's own case, where a GET that turned into a DELETE would erase it: the database checksum at the
 * end of the corpus proves it did not. Routes that change something without a body (DELETE, withdraw) are
 * tried on ids that exist nowhere.
 */
final class HeaderCorpus {
    private static final List<String> OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    private final HostileCorpus corpus;
    private final String mark;
    private final String ownCase;

    HeaderCorpus(HostileCorpus corpus, String mark, String ownCase) {
        this.corpus = corpus;
        this.mark = mark;
        this.ownCase = ownCase;
    }

    List<Hostile> all(List<Route> routes) {
        List<Hostile> out = new ArrayList<>();
        for (Route route : routes) {
            String method = route.method().name();
            if (route.method() == HandlerType.DELETE) {
                continue; // sending the plain twin would carry the deletion out
            }
            // A GET on the own case answers for real; anything else is sent for ids that exist nowhere, so the
            // plain twin changes nothing either.
            String path = route.method() == HandlerType.GET && route.path().contains("{caseId}")
                    && route.roles().contains(Role.DEVICE)
                    ? HostileCorpus.fill(route.path().replace("{caseId}", ownCase), null, null)
                    : HostileCorpus.fill(route.path(), null, null);
            Map<String, String> allowed = route.isPublic() ? Map.of() : corpus.auth(HostileCorpus.firstAllowed(route));
            Hostile plain = new Hostile(method + " " + route.path() + " plain", method, path, allowed, null, null, null);
            for (String header : OVERRIDES) {
                for (String to : List.of("DELETE", "PUT", "POST", "GET", "BEFORE")) {
                    if (to.equals(method)) {
                        continue;
                    }
                    Map<String, String> headers = new LinkedHashMap<>(allowed);
                    headers.put(header, to);
                    out.add(new Hostile(method + " " + route.path() + " with " + header + ": " + to, method, path,
                            headers, null, null, null, plain));
                }
            }
            if (!route.isPublic()) {
                for (Role role : List.of(Role.DEVICE, Role.COUNCIL, Role.TRUST_PERSON)) {
                    if (!route.roles().contains(role)) {
                        Map<String, String> headers = new LinkedHashMap<>(corpus.auth(role));
                        headers.putAll(claims());
                        out.add(new Hostile(method + " " + route.path() + " as " + role + " claiming another "
                                + "address, host and path", method, HostileCorpus.fill(route.path(), null, null),
                                headers, null, null, 403));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** What a client may claim about where it is and what it asked for. */
    private Map<String, String> claims() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Forwarded", "for=127.0.0.1;host=" + mark + ".example;proto=https, for=\"[::1]\"");
        h.put("X-Forwarded-For", "127.0.0.1, 10.0.0.1");
        h.put("X-Forwarded-Host", mark + ".example");
        h.put("X-Forwarded-Proto", "https");
        h.put("X-Forwarded-Port", "443");
        h.put("X-Forwarded-Prefix", "/v1/admin");
        h.put("X-Real-IP", "127.0.0.1");
        h.put("True-Client-IP", "127.0.0.1");
        h.put("X-Client-IP", "127.0.0.1");
        h.put("X-Original-URL", "/health");
        h.put("X-Rewrite-URL", "/health");
        h.put("X-Original-Method", "GET");
        return h;
    }
}
