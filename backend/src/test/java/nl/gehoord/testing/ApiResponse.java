package nl.gehoord.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** A response as the test sees it: status, headers, body text and (when JSON) the parsed body. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The body as bytes, for an answer read with {@link ApiClient#download}. */
    public byte[] bytes() {
        return body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String text(String field) {
        JsonNode node = json().path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
