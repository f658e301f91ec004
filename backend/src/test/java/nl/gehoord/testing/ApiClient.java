package nl.gehoord.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real HTTP to the test server. Every response is checked against openapi.yaml before the test sees it.
 * Immutable: {@code as(token)} and {@code header(...)} return a changed copy.
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Map<String, String> headers;

    public ApiClient(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private ApiClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiClient as(String bearerToken) {
        return header("Authorization", "Bearer " + bearerToken);
    }

    public ApiClient anonymous() {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove("Authorization");
        return new ApiClient(baseUrl, copy);
    }

    public ApiClient header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiClient(baseUrl, copy);
    }

    public ApiClient english() {
        return header("Accept-Language", "en");
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, toJson(body), "application/json");
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, toJson(body), "application/json");
    }

    /**
     * A GET whose answer is a file (a PDF): the body is kept byte for byte, one character per byte (ISO-8859-1),
     * so {@link ApiResponse#bytes()} gives the file back.
     */
    public ApiResponse download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiResponse api = new ApiResponse(response.statusCode(), response.headers(),
                    new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
            SpecValidator.check("GET", path, response.statusCode() >= 400 ? new ApiResponse(response.statusCode(),
                    response.headers(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)) : api);
            return api;
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends raw bytes with any content type: for hostile and malformed input. */
    public ApiResponse raw(String method, String path, byte[] body, String contentType) {
        return send(method, path, body, contentType);
    }

    private static byte[] toJson(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ApiResponse send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiResponse api = new ApiResponse(response.statusCode(), response.headers(), response.body());
            SpecValidator.check(method, path, api);
            return api;
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
