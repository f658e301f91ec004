package nl.gehoord.security;

import static nl.gehoord.security.HostileCorpus.socket;

import java.util.ArrayList;
import java.util.List;
import nl.gehoord.security.HostileCorpus.Hostile;

/**
 * Requests whose framing is broken or odd, written to the socket as they are: bodies cut short, bad chunks,
 * conflicting lengths, unknown versions and methods, odd request targets, Expect. Each aims at a route that
 * would store a message if the request got through, so a framing the server misreads shows up as a change in
 * the database, and each must be answered with a 4xx problem (the sending side is closed after the bytes).
 */
final class FramingCorpus {
    private final String ownCase;
    private final String deviceToken;
    private final String mark;

    FramingCorpus(String ownCase, String deviceToken, String mark) {
        this.ownCase = ownCase;
        this.deviceToken = deviceToken;
        this.mark = mark;
    }

    List<Hostile> all() {
        List<Hostile> out = new ArrayList<>();
        String message = "{\"text\": \"" + mark + " framing\"}";
        String head = "POST /v1/cases/" + ownCase + "/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + deviceToken + "\r\nContent-Type: application/json\r\n";
        // bodies that end early
        add(out, "content length longer than the body", head + "Content-Length: 300\r\n\r\n" + message, 400);
        add(out, "content length with nothing after the headers", head + "Content-Length: 30\r\n\r\n", 400);
        add(out, "chunked body cut in a chunk", head + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + message, 400);
        add(out, "chunked body without the last chunk", head + "Transfer-Encoding: chunked\r\n\r\n"
                + chunk(message), 400);
        add(out, "chunked body cut in the size line", head + "Transfer-Encoding: chunked\r\n\r\n1", 400);
        // bad chunks
        add(out, "absurd chunk size", head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n"
                + message + "\r\n0\r\n\r\n", 400);
        add(out, "chunk size not hex", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + message + "\r\n0\r\n\r\n",
                400);
        add(out, "negative chunk size", head + "Transfer-Encoding: chunked\r\n\r\n-5\r\n" + message + "\r\n0\r\n\r\n",
                400);
        add(out, "chunk longer than its size", head + "Transfer-Encoding: chunked\r\n\r\n2\r\n" + message
                + "\r\n0\r\n\r\n", 400);
        add(out, "chunk without its line end", head + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(message.length()) + "\r\n" + message + "0\r\n\r\n", 400);
        // lengths that disagree, or a second transfer coding
        add(out, "two different content lengths", head + "Content-Length: " + message.length()
                + "\r\nContent-Length: 2\r\n\r\n" + message, 400);
        add(out, "content length list", head + "Content-Length: " + message.length() + ", 2\r\n\r\n" + message, 400);
        add(out, "content length with a sign", head + "Content-Length: +" + message.length() + "\r\n\r\n" + message,
                400);
        add(out, "content length in hex", head + "Content-Length: 0x20\r\n\r\n" + message, 400);
        add(out, "content length overflowing", head + "Content-Length: 99999999999999999999999\r\n\r\n" + message,
                null);
        add(out, "transfer encoding and content length", head + "Content-Length: " + message.length()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(message) + "0\r\n\r\n", 400);
        add(out, "chunked twice", head + "Transfer-Encoding: chunked, chunked\r\n\r\n" + chunk(message) + "0\r\n\r\n",
                400);
        add(out, "gzip transfer coding", head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunk(message)
                + "0\r\n\r\n", null);
        add(out, "unknown transfer coding", head + "Transfer-Encoding: " + mark + "\r\n\r\n" + message, null);
        add(out, "transfer coding with odd spacing", head + "Transfer-Encoding:  chunked \r\nTransfer-Encoding: x\r\n\r\n"
                + chunk(message) + "0\r\n\r\n", null);
        add(out, "chunked on HTTP/1.0", head.replace("HTTP/1.1", "HTTP/1.0")
                + "Transfer-Encoding: chunked\r\n\r\n" + chunk(message) + "0\r\n\r\n", null);
        add(out, "space before the header colon", head + "Content-Length : " + message.length() + "\r\n\r\n"
                + message, 400);
        add(out, "folded header", head + "X-Folded: a\r\n b\r\nContent-Length: " + message.length() + "\r\n\r\n"
                + message, 400);
        add(out, "two hosts", head.replace("Host: x\r\n", "Host: x\r\nHost: y\r\n") + "Content-Length: "
                + message.length() + "\r\n\r\n" + message, 400);
        add(out, "two content types", head + "Content-Type: text/plain\r\nContent-Length: " + message.length()
                + "\r\n\r\n" + message, 415);
        add(out, "json content type after another one", head.replace("Content-Type: application/json\r\n",
                "Content-Type: text/plain\r\nContent-Type: application/json\r\n") + "Content-Length: "
                + message.length() + "\r\n\r\n" + message, 415);
        add(out, "expect something unknown", head + "Expect: " + mark + "\r\nContent-Length: " + message.length()
                + "\r\n\r\n" + message, 417);
        add(out, "expect continue with a bad body", head + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n{\"te",
                400);
        // versions and methods
        // A version we do not speak is the one 5xx the contract names: 505 with its own plain words.
        for (String version : List.of("HTTP/1.2", "HTTP/1.9", "HTTP/3.0", "HTTP/0.9", "HTTP/11", "HTTPS/1.1")) {
            add(out, "version " + version, "GET /v1/flow " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n",
                    505);
        }
        add(out, "version HTTP/2.0 on an HTTP/1 connection", "GET /v1/flow HTTP/2.0\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n", null);
        add(out, "version with trailing words", "GET /v1/flow HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n",
                null);
        add(out, "request line without a version", "GET /v1/flow\r\n\r\n", 505);
        for (String method : List.of("BEFORE", "AFTER", "BEFORE_MATCHED", "AFTER_MATCHED", "WEBSOCKET_BEFORE_UPGRADE",
                "get", "Delete", "QUERY", "CONNECT", "PRI", "PROPFIND", mark.toUpperCase())) {
            add(out, "method " + method, method + " /v1/cases/" + ownCase + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + "Bearer " + deviceToken + "\r\nConnection: close\r\n\r\n", null);
        }
        add(out, "absolute form to another host", "DELETE http://" + mark + ".example/v1/cases/" + ownCase
                + "?x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
        add(out, "asterisk form", "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
        add(out, "authority form", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
        add(out, "http/2 preface on plain http", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", null);
        return out;
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + "\r\n" + text
                + "\r\n";
    }

    private static void add(List<Hostile> out, String name, String request, Integer expected) {
        out.add(new Hostile("framing: " + name, null, null, null, null, socket(request), expected));
    }
}
