package nl.gehoord.security;

import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;

/**
 * The hostile requests. Generated from the server's own route list, so a route added later is covered at once:
 * no and bad credentials, every wrong role, path tricks in every path parameter, hostile bodies for every route
 * that takes one. Then hand-written ones below the routes: overlong headers and URIs, broken encodings,
 * smuggling attempts, hostile Origin, X-Forwarded-For, Accept-Language and query values.
 */
final class HostileCorpus {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /**
     * One request: over the HTTP client, or as raw socket bytes; {@code expected} null means "any 4xx", a 2xx or
     * 3xx means exactly that legitimate answer. With {@code plain} set, the answer must be the one the same
     * request gets without the trick (a header that must change nothing).
     */
    record Hostile(String name, String method, String path, Map<String, String> headers, byte[] body,
                   byte[] socketBytes, Integer expected, Hostile plain) {
        Hostile(String name, String method, String path, Map<String, String> headers, byte[] body,
                byte[] socketBytes, Integer expected) {
            this(name, method, path, headers, body, socketBytes, expected, null);
        }
    }

    private final String mark;
    private final String run;
    private final Map<Role, String> tokens;
    private final String loggedOutStaffToken;
    private final String ownCase;
    private final String otherDevicesCase;
    private final SpecBodies specBodies;

    /**
     * @param mark                a unique word put into every hostile text, so the logs can be searched for it
     * @param tokens              a valid credential for each role
     * @param ownCase             a case of the device's own
     * @param otherDevicesCase    a case of another device
     * @param specBodies          the contract's example bodies, to break one field at a time
     */
    HostileCorpus(String mark, String run, Map<Role, String> tokens, String loggedOutStaffToken, String ownCase,
                  String otherDevicesCase, SpecBodies specBodies) {
        this.specBodies = specBodies;
        this.mark = mark;
        this.run = run;
        this.tokens = Map.copyOf(tokens);
        this.loggedOutStaffToken = loggedOutStaffToken;
        this.ownCase = ownCase;
        this.otherDevicesCase = otherDevicesCase;
    }

    // ---- the generated part: every route ----

    List<Hostile> generated(List<Route> routes) {
        List<Hostile> out = new ArrayList<>();
        for (Route route : routes) {
            String method = route.method().name();
            String notFound = fill(route.path(), null, null);
            if (!route.isPublic()) {
                for (Map.Entry<String, String> bad : badCredentials().entrySet()) {
                    out.add(new Hostile(method + " " + route.path() + " with " + bad.getKey(), method, notFound,
                            bad.getValue() == null ? Map.of() : Map.of("Authorization", bad.getValue()),
                            null, null, 401));
                }
                for (Role role : List.of(Role.DEVICE, Role.TRUST_PERSON, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN)) {
                    if (!route.roles().contains(role)) {
                        out.add(new Hostile(method + " " + route.path() + " as " + role, method, notFound,
                                auth(role), null, null, 403));
                    }
                }
            }
            Map<String, String> allowed = route.isPublic() ? Map.of() : auth(firstAllowed(route));
            Map<String, String> overlong = new LinkedHashMap<>(allowed);
            overlong.put("X-Filler", mark + "h".repeat(70_000));
            out.add(new Hostile(method + " " + route.path() + " with an overlong header", method, notFound, overlong,
                    null, null, 431));
            Matcher params = PARAM.matcher(route.path());
            while (params.find()) {
                String param = params.group(1);
                for (String trick : pathTricks(param, route)) {
                    String path = fill(route.path(), param, trick);
                    String name = method + " " + route.path() + " with " + param + "=" + abbreviate(trick);
                    if (isValidUri(path)) {
                        out.add(new Hostile(name, method, path, allowed, null, null, null));
                    } else {
                        out.add(new Hostile(name, method, path, allowed, null, requestLine(method, path, allowed), null));
                    }
                }
            }
            if (route.method() == HandlerType.POST || route.method() == HandlerType.PUT
                    || route.method() == HandlerType.PATCH) {
                for (Map.Entry<String, com.fasterxml.jackson.databind.node.ObjectNode> body
                        : specBodies.variants(method, route.path(), mark).entrySet()) {
                    Map<String, String> headers = new LinkedHashMap<>(allowed);
                    headers.put("Content-Type", "application/json");
                    headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
                    out.add(new Hostile(method + " " + route.path() + " with " + body.getKey(), method, notFound,
                            headers, body.getValue().toString().getBytes(StandardCharsets.UTF_8), null, null));
                }
                for (Map.Entry<String, byte[]> body : hostileBodies().entrySet()) {
                    if (body.getKey().equals("empty") && !specBodies.hasRequestBody(method, route.path())) {
                        continue;
                    }
                    Map<String, String> headers = new LinkedHashMap<>(allowed);
                    headers.put("Content-Type", body.getKey().startsWith("text:") ? "text/plain"
                            : body.getKey().startsWith("xml:") ? "application/xml" : "application/json");
                    headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
                    out.add(new Hostile(method + " " + route.path() + " with body " + body.getKey(), method,
                            notFound, headers, body.getValue(), null, null));
                }
            }
        }
        return out;
    }

    static Role firstAllowed(Route route) {
        for (Role role : List.of(Role.DEVICE, Role.TRUST_PERSON, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN)) {
            if (route.roles().contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("no role");
    }

    Map<String, String> auth(Role role) {
        return Map.of("Authorization", "Bearer " + tokens.get(role));
    }

    /** The path with every parameter an id that exists nowhere, and {@code param} replaced by {@code value}. */
    static String fill(String template, String param, String value) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).equals(param) ? value : UUID.randomUUID().toString();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Map<String, String> badCredentials() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("unknown device token", "Bearer gd_" + mark + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        bad.put("unknown staff token", "Bearer gs_" + mark + "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        bad.put("logged-out staff token", "Bearer " + loggedOutStaffToken);
        bad.put("overlong token", "Bearer gd_" + "x".repeat(5000));
        bad.put("sql in token", "Bearer ' OR 1=1 --" + mark);
        bad.put("basic auth", "Basic " + Base64.getEncoder().encodeToString(("admin:" + mark).getBytes(StandardCharsets.UTF_8)));
        bad.put("empty bearer", "Bearer ");
        bad.put("token without scheme", tokens.get(Role.DEVICE));
        return bad;
    }

    private List<String> pathTricks(String param, Route route) {
        List<String> tricks = new ArrayList<>(List.of(
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "..;" + mark,
                "%00" + mark,
                "%27%20OR%20%271%27%3D%271" + mark,
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "a".repeat(300),
                "%F0%9F%92%A9",
                "1%3BDROP%20TABLE%20cases",
                "-1",
                "99999999999999999999999999999999",
                "%C0%AE%C0%AE",
                "%D8%B9%D8%B1%D8%A8%D9%8A%E2%80%AE" + mark,
                "%ZZ" + mark,
                "%25" + mark,
                mark));
        if (param.equals("caseId") && route.roles().contains(Role.DEVICE)) {
            tricks.add(otherDevicesCase);
        }
        return tricks;
    }

    private Map<String, byte[]> hostileBodies() {
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("truncated", ("{\"text\": \"" + mark).getBytes(StandardCharsets.UTF_8));
        b.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        b.put("string", ("\"" + mark + "\"").getBytes(StandardCharsets.UTF_8));
        b.put("null", "null".getBytes(StandardCharsets.UTF_8));
        b.put("boolean", "true".getBytes(StandardCharsets.UTF_8));
        b.put("huge number", "1234567890123456789012345678901234567890123456789012345678901234567890"
                .getBytes(StandardCharsets.UTF_8));
        b.put("huge exponent", "{\"score\": 1e999999999}".getBytes(StandardCharsets.UTF_8));
        b.put("huge integer field", "{\"score\": 99999999999999999999999999999}".getBytes(StandardCharsets.UTF_8));
        b.put("NaN", "{\"score\": NaN}".getBytes(StandardCharsets.UTF_8));
        b.put("deep arrays", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        b.put("deep objects", ("{\"a\":".repeat(200) + "1" + "}".repeat(200)).getBytes(StandardCharsets.UTF_8));
        b.put("overlong string", ("{\"text\": \"" + mark + "x".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("control characters", ("{\"text\": \"\\u0000\\u0007\\u001b[31m" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] prefix = "{\"text\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = (mark + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, broken, 0, prefix.length);
        broken[prefix.length] = (byte) 0xff;
        broken[prefix.length + 1] = (byte) 0xfe;
        broken[prefix.length + 2] = (byte) 0xc0;
        System.arraycopy(suffix, 0, broken, prefix.length + 3, suffix.length);
        b.put("invalid utf-8", broken);
        b.put("duplicate keys", ("{\"text\": \"a\", \"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("trailing data", ("{} " + mark).getBytes(StandardCharsets.UTF_8));
        b.put("unknown field", ("{\"" + mark + "\": 1}").getBytes(StandardCharsets.UTF_8));
        b.put("sql injection", ("{\"email\": \"' OR 1=1 -- " + mark + "\", \"password\": \"' OR ''='\", "
                + "\"caseCode\": \"'; DROP TABLE cases; --\", \"platform\": \"android' --\", \"locale\": \"nl\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("script injection", ("{\"text\": \"<script>alert('" + mark + "')</script>\", "
                + "\"caseCode\": \"<img src=x onerror=alert(1)>\", \"platform\": \"<svg/onload=alert(1)>\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("mixed scripts", ("{\"text\": \"\u0405QL \u00dcn\u00efc\u00f6d\u00e9 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
                + "\u4e2d\u6587 \u202e" + mark + "\", \"locale\": \"ar-\u2167\", \"platform\": \"\u0430ndroid\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("wrong types", ("{\"platform\": 12, \"locale\": true, \"text\": [\"" + mark + "\"], \"score\": \"5\", "
                + "\"caseCode\": {}, \"email\": 1, \"kind\": [], \"available\": \"yes\"}").getBytes(StandardCharsets.UTF_8));
        b.put("float for integer", "{\"score\": 4.5, \"text\": 3.14}".getBytes(StandardCharsets.UTF_8));
        b.put("empty", new byte[0]);
        b.put("text:plain", mark.getBytes(StandardCharsets.UTF_8));
        b.put("xml:bomb", ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"" + mark + "\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>").getBytes(StandardCharsets.UTF_8));
        b.put("too large", ("{\"text\": \"" + mark + "y".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("many keys", ("{" + String.join(",", java.util.stream.IntStream.range(0, 3000)
                .mapToObj(i -> "\"k" + i + "\":" + i).toList()) + "}").getBytes(StandardCharsets.UTF_8));
        return b;
    }

    // ---- the hand-written part: below the routes ----

    List<Hostile> handWritten() {
        List<Hostile> out = new ArrayList<>();
        Map<String, String> device = auth(Role.DEVICE);
        out.add(new Hostile("overlong header", "GET", "/v1/flow", Map.of("X-Filler", mark + "h".repeat(70_000)),
                null, null, 431));
        out.add(new Hostile("many headers", null, null, null, null, socket("GET /v1/flow HTTP/1.1\r\nHost: x\r\n"
                + "X-A: " + "b".repeat(500) + "\r\n".repeat(1)
                + "X-Many: 1\r\n".repeat(2000) + "Connection: close\r\n\r\n"), 431));
        out.add(new Hostile("overlong uri", "GET", "/v1/cases/" + "u".repeat(70_000), device, null, null, null));
        out.add(new Hostile("bad percent encoding", null, null, null, null,
                socket("GET /v1/%zz" + mark + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400));
        out.add(new Hostile("raw bytes in request line", null, null, null, null,
                socketBytes("GET /v1/\u00ff\u00fe" + mark + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("encoded slash traversal", null, null, null, null,
                socket("GET /v1/cases/..%2f..%2fhealth HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("dot segments", null, null, null, null,
                socket("GET /v1/cases/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("negative content length", null, null, null, null,
                socket("POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: -5\r\nConnection: close\r\n\r\n{}"), 400));
        out.add(new Hostile("smuggling: chunked and length", null, null, null, null,
                socket("POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "0\r\n\r\nGET /v1/flow HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        out.add(new Hostile("bare line feed in header", null, null, null, null,
                socket("GET /v1/flow HTTP/1.1\r\nHost: x\r\nX-Evil: a\rb" + mark + "\r\nConnection: close\r\n\r\n"),
                400));
        out.add(new Hostile("no host on HTTP/1.1", null, null, null, null,
                socket("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400));
        out.add(new Hostile("unknown method", null, null, null, null,
                socket("FROB /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null));
        out.add(new Hostile("TRACE", "TRACE", "/health", Map.of(), null, null, null));
        out.add(new Hostile("PATCH on a case", "PATCH", "/v1/cases/" + ownCase, device,
                "{}".getBytes(StandardCharsets.UTF_8), null, null));
        out.add(new Hostile("unknown path", "GET", "/v1/" + mark, Map.of(), null, null, 404));
        out.add(new Hostile("admin probing", "GET", "/admin/../../.env", Map.of(), null, null, null));
        out.add(new Hostile("hostile origin", "GET", "/v1/cases", Map.of("Authorization", device.get("Authorization"),
                "Origin", "https://" + mark + ".example"), null, null, 403));
        out.add(new Hostile("null origin", "GET", "/v1/devices/me", Map.of("Authorization",
                device.get("Authorization"), "Origin", "null"), null, null, 403));
        out.add(new Hostile("spoofed forwarded-for with garbage", "POST", "/v1/cases/claim",
                Map.of("Authorization", device.get("Authorization"), "Content-Type", "application/json",
                        "X-Forwarded-For", "1.2.3.4, ' OR 1=1 --" + mark),
                ("{\"caseCode\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8), null, 404));
        out.add(new Hostile("wrong case code", "POST", "/v1/cases/claim",
                Map.of("Authorization", device.get("Authorization"), "Content-Type", "application/json"),
                "{\"caseCode\": \"AAAAA-AAAAA-AAAAA\"}".getBytes(StandardCharsets.UTF_8), null, 404));
        out.add(new Hostile("hostile accept-language", "GET", "/v1/cases", Map.of("Accept-Language",
                "' OR 1=1, <script>" + mark + ";q=9999999999999999999"), null, null, 401));
        out.add(new Hostile("hostile request id", "GET", "/v1/cases", Map.of("X-Request-Id",
                "<script>" + mark + "</script>"), null, null, 401));
        out.add(new Hostile("messages after negative", "GET", "/v1/cases/" + ownCase + "/messages?after=-1",
                device, null, null, 422));
        out.add(new Hostile("messages after huge", "GET", "/v1/cases/" + ownCase
                + "/messages?after=99999999999999999999", device, null, null, 422));
        out.add(new Hostile("messages after injection", "GET", "/v1/cases/" + ownCase
                + "/messages?after=1%20OR%201%3D1" + mark, device, null, null, 422));
        out.add(new Hostile("idempotency key with injection", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key",
                "'; DROP TABLE cases; --" + mark), "{}".getBytes(StandardCharsets.UTF_8), null, 400));
        out.add(new Hostile("overlong idempotency key", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key",
                "k".repeat(5000)), "{}".getBytes(StandardCharsets.UTF_8), null, 400));
        out.add(new Hostile("case with danger words but bad region", "POST", "/v1/cases", Map.of("Authorization",
                device.get("Authorization"), "Content-Type", "application/json", "Idempotency-Key", "k-" + run),
                ("{\"kind\":\"unsafe\",\"answers\":{},\"story\":\"ik wil dood " + mark + "\",\"region\":\"../"
                        + "etc\",\"setting\":\"residential\",\"contactPreference\":\"app_message\"}")
                        .getBytes(StandardCharsets.UTF_8), null, 422));
        return out;
    }

    static byte[] socket(String request) {
        return request.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] socketBytes(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] requestLine(String method, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: x\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isValidUri(String path) {
        try {
            java.net.URI.create("http://127.0.0.1" + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

}
