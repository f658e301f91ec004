package nl.gehoord.http;

import java.util.List;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;

/** Turns an error code into plain words from the catalogs. */
public final class ProblemRenderer {
    private final Messages messages;

    public ProblemRenderer(Messages messages) {
        this.messages = messages;
    }

    public Problem render(ApiException e, Language language, String requestId) {
        return render(e.status(), e.code(), e.errors(), language, requestId);
    }

    public Problem render(int status, String code, List<FieldError> errors, Language language, String requestId) {
        String key = messages.has("problem." + code + ".title") ? code : fallbackCode(status);
        List<Problem.Field> fields = errors.stream()
                .map(f -> new Problem.Field(f.field(), f.code(), fieldMessage(f.code(), language)))
                .toList();
        return new Problem("urn:gehoord:problem:" + key,
                messages.get(language, "problem." + key + ".title"),
                status,
                key,
                messages.get(language, "problem." + key + ".detail"),
                fields,
                requestId);
    }

    private String fieldMessage(String code, Language language) {
        String key = "field." + code;
        return messages.has(key) ? messages.get(language, key) : messages.get(language, "field.invalid_value");
    }

    static String fallbackCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 429 -> "rate_limited";
            case 431 -> "headers_too_large";
            case 503 -> "busy";
            case 426, 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
