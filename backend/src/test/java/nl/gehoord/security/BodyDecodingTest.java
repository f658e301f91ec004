package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.DatabaseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a body is decoded: strict UTF-8 (no overlong forms, no guessing of other encodings, no half surrogate
 * pairs), only {@code application/json} matched whole, and no content coding unpacked. Each refusal is the
 * contract's, with no ERROR line and no change to the data.
 */
class BodyDecodingTest {
    @RegisterExtension
    static final RawHttpPhone FIXTURE = new RawHttpPhone();

    // ---- strict UTF-8 ----

    @Test
    void overlongAndInvalidUtf8IsMalformedJson() {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        int mark = LogScan.lineCount();
        List<byte[]> bodies = List.of(
                withBytes("{\"text\": \"", new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAE}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\"}"),
                withBytes("{\"text\": \"", new byte[] {(byte) 0xFF}, "\"}"),
                withBytes("{\"text\": \"ab", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"),
                "{\"text\": \"\\ud800 alleen\"}".getBytes(StandardCharsets.UTF_8),
                "{\"text\": \"\\udc00\\ud800\"}".getBytes(StandardCharsets.UTF_8),
                "{\"te\\ud800xt\": \"hallo\"}".getBytes(StandardCharsets.UTF_8),
                "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_16BE),
                "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_16),
                withBytes("", new byte[] {0, 0, 0}, "{\"text\": \"hallo\"}"));
        for (byte[] body : bodies) {
            ApiResponse response = FIXTURE.phone().raw("POST", FIXTURE.messagesPath(), body, "application/json");
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
        }
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
        LogScan.assertNoErrorsSince(mark);
    }

    @Test
    void aByteOrderMarkAndRealSurrogatePairsAreFine() {
        byte[] withBom = withBytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"text\": \"met een teken ervoor\"}");
        assertThat(FIXTURE.phone().raw("POST", FIXTURE.messagesPath(), withBom, "application/json").status())
                .isEqualTo(201);
        ApiResponse pair = FIXTURE.phone().raw("POST", FIXTURE.messagesPath(),
                "{\"text\": \"blij \\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(pair.status()).as(pair.toString()).isEqualTo(201);
    }

    // ---- the media type ----

    @Test
    void onlyApplicationJsonIsJson() {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        byte[] body = "{\"text\": \"hallo\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json+xml",
                "application/jsonp", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
                "application/json; charset=\"utf-16\"", "application/json; boundary=x", "application/json;;",
                "text/json", "application/x-www-form-urlencoded", "application/json, text/plain", "*/*",
                "application/*", "application")) {
            ApiResponse response = FIXTURE.phone().raw("POST", FIXTURE.messagesPath(), body, type);
            assertThat(response.status()).as(type + ": " + response).isEqualTo(415);
            assertThat(response.json().path("code").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
        for (String type : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"")) {
            ApiResponse response = FIXTURE.phone().raw("POST", FIXTURE.messagesPath(), body, type);
            assertThat(response.status()).as(type + ": " + response).isEqualTo(201);
        }
    }

    @Test
    void aCompressedBodyIsRefusedNotGuessed() {
        String before = DatabaseState.fingerprint(FIXTURE.server().app().database());
        for (String coding : List.of("gzip", "deflate", "br", "identity, gzip", "x-unknown")) {
            RawHttp.Answer answer = FIXTURE.raw().send("POST", FIXTURE.messagesPath(), Map.of("Authorization",
                    FIXTURE.bearer(), "Content-Type", "application/json", "Content-Encoding", coding),
                    gzip("{\"text\": \"" + "a".repeat(5000) + "\"}"));
            assertThat(answer.status()).as(coding + ": " + answer.body()).isEqualTo(415);
            RawHttp.assertProblem(answer.body(), 415);
        }
        assertThat(DatabaseState.fingerprint(FIXTURE.server().app().database())).isEqualTo(before);
    }

    // ---- helpers ----

    private static byte[] withBytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
