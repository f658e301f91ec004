package nl.gehoord.security;

import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import nl.gehoord.http.Route;
import nl.gehoord.security.HostileCorpus.Hostile;

/**
 * Every encoding trick, for every route that takes a body: bytes that are not UTF-8 or are UTF-8 only by a
 * lenient reading (overlong forms, surrogate code points, past U+10FFFF), other Unicode encodings with and
 * without a byte order mark, NUL bytes, lone surrogates in JSON escapes, media types that only look like JSON,
 * charsets other than UTF-8, and compressed bodies (a gzip bomb among them) that must be refused unread.
 */
final class EncodingCorpus {
    private final HostileCorpus corpus;
    private final String mark;

    EncodingCorpus(HostileCorpus corpus, String mark) {
        this.corpus = corpus;
        this.mark = mark;
    }

    List<Hostile> all(List<Route> routes) {
        List<Hostile> out = new ArrayList<>();
        for (Route route : routes) {
            if (route.method() != HandlerType.POST && route.method() != HandlerType.PUT) {
                continue;
            }
            String method = route.method().name();
            String path = HostileCorpus.fill(route.path(), null, null);
            Map<String, String> allowed = route.isPublic() ? Map.of() : corpus.auth(HostileCorpus.firstAllowed(route));
            // With ids in the path, an unknown id may be what is refused first: then any 4xx will do.
            boolean exact = !route.path().contains("{");
            for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                out.add(request(method + " " + route.path() + " with " + body.getKey(), method, path, allowed,
                        "application/json", null, body.getValue(), exact ? 400 : null));
            }
            byte[] json = ("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8);
            for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json+xml",
                    "application/jsonp", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
                    "application/json; charset=\"utf-32\"", "application/json; " + mark + "=1", "application/json;;",
                    "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json, text/plain", "*/*", "application/*", "application", "")) {
                out.add(request(method + " " + route.path() + " as " + type, method, path, allowed, type, null, json,
                        exact ? 415 : null));
            }
            for (Map.Entry<String, byte[]> coded : compressed().entrySet()) {
                out.add(request(method + " " + route.path() + " with content encoding " + coded.getKey(), method, path,
                        allowed, "application/json", coded.getKey().split(" ")[0], coded.getValue(), exact ? 415 : null));
            }
        }
        return out;
    }

    private static Hostile request(String name, String method, String path, Map<String, String> auth, String type,
                                   String encoding, byte[] body, Integer expected) {
        Map<String, String> headers = new LinkedHashMap<>(auth);
        if (!type.isEmpty()) {
            headers.put("Content-Type", type);
        }
        if (encoding != null) {
            headers.put("Content-Encoding", encoding);
        }
        headers.put("Idempotency-Key", "encoding-" + UUID.randomUUID());
        return new Hostile(name, method, path, headers, body, null, expected);
    }

    private Map<String, byte[]> bodies() {
        Map<String, byte[]> b = new LinkedHashMap<>();
        String open = "{\"text\": \"" + mark;
        b.put("overlong slash dot", bytes(open, "\"}", 0xC0, 0xAE, 0xC0, 0xAF));
        b.put("overlong three bytes", bytes(open, "\"}", 0xE0, 0x80, 0xAE));
        b.put("overlong four bytes", bytes(open, "\"}", 0xF0, 0x80, 0x80, 0xAF));
        b.put("overlong NUL", bytes(open, "\"}", 0xC0, 0x80));
        b.put("surrogate code point", bytes(open, "\"}", 0xED, 0xA0, 0x80));
        b.put("past U+10FFFF", bytes(open, "\"}", 0xF4, 0x90, 0x80, 0x80));
        b.put("five byte form", bytes(open, "\"}", 0xF8, 0x88, 0x80, 0x80, 0x80));
        b.put("lone continuation byte", bytes(open, "\"}", 0x80));
        b.put("cut multibyte sequence", bytes(open, "\"}", 0xE2, 0x82));
        b.put("latin-1 byte", bytes(open, "\"}", 0xE9));
        b.put("invalid bytes in a field name", bytes("{\"te", "xt\": \"" + mark + "\"}", 0xC0, 0xAE));
        b.put("lone high surrogate escape", ("{\"text\": \"\\ud800" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("lone low surrogate escape", ("{\"text\": \"\\udfff" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("reversed surrogate escapes", ("{\"text\": \"\\ude00\\ud83d" + mark + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        b.put("lone surrogate in a field name", ("{\"\\ud800\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        b.put("raw NUL in a string", bytes(open, "\"}", 0x00));
        b.put("raw NUL before the body", bytes("", "{\"text\": \"" + mark + "\"}", 0x00));
        b.put("utf-16 big endian", encoded("UTF-16BE"));
        b.put("utf-16 little endian", encoded("UTF-16LE"));
        b.put("utf-16 with byte order mark", encoded("UTF-16"));
        b.put("utf-32", encoded("UTF-32"));
        b.put("utf-8 byte order mark twice", bytes("", "{\"text\": \"" + mark + "\"}", 0xEF, 0xBB, 0xBF, 0xEF, 0xBB,
                0xBF));
        b.put("byte order mark then bad bytes", bytes("", "{\"text\": \"" + mark + "\"}", 0xEF, 0xBB, 0xBF, 0xFF));
        b.put("byte order mark alone", bytes("", "", 0xEF, 0xBB, 0xBF));
        return b;
    }

    private Map<String, byte[]> compressed;

    private Map<String, byte[]> compressed() {
        if (compressed != null) {
            return compressed;
        }
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("gzip", gzip(("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8)));
        c.put("gzip bomb", gzip(new byte[16 * 1024 * 1024]));
        c.put("deflate", gzip(("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8)));
        c.put("br", ("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        c.put("identity,gzip", gzip(("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8)));
        c.put(mark, ("{\"text\": \"" + mark + "\"}").getBytes(StandardCharsets.UTF_8));
        compressed = c;
        return c;
    }

    private byte[] encoded(String charset) {
        return ("{\"text\": \"" + mark + "\"}").getBytes(Charset.forName(charset));
    }

    private static byte[] bytes(String before, String after, int... middle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : middle) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
