package nl.gehoord.http;

import java.util.List;
import java.util.Map;

/**
 * An error the client can act on, with a stable code. The code picks the title and plain detail from the
 * message catalogs ({@code problem.<code>.title}/{@code .detail}); the message itself never carries content.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(int status, String code) {
        this(status, code, List.of(), Map.of());
    }

    public ApiException(int status, String code, List<FieldError> errors, Map<String, String> headers) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound() {
        return new ApiException(404, "not_found");
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(422, "validation_failed", errors, Map.of());
    }

    public static ApiException validation(String field, String code) {
        return validation(List.of(new FieldError(field, code)));
    }

    public static ApiException conflict(String code) {
        return new ApiException(409, code);
    }

    public static ApiException badRequest(String code) {
        return new ApiException(400, code);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden");
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
