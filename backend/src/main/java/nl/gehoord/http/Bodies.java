package nl.gehoord.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a JSON request body into a record, turning every way it can be wrong into a clear 4xx. */
public final class Bodies {
    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("empty_body");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("malformed_json");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("json_too_complex");
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.validation(path(e), "unknown_field");
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw ApiException.badRequest("malformed_json");
            }
            throw ApiException.validation(path(e), "wrong_type");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e.getPath().isEmpty() ? ApiException.badRequest("malformed_json")
                    : ApiException.validation(path(e), "invalid_value");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json");
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json");
        }
    }

    /**
     * Like {@link #read}, and refuses a top-level field sent as {@code null} ({@code wrong_type}). For settings
     * updates, where a left-out field keeps its value and only {@code remove} removes one.
     */
    public static <T> T readWithoutNulls(Context ctx, Class<T> type) {
        T value = read(ctx, type);
        List<FieldError> nulls = new java.util.ArrayList<>();
        try {
            Json.mapper().readTree(ctx.bodyAsBytes()).properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(new FieldError(field.getKey(), "wrong_type"));
                }
            });
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json");
        }
        if (!nulls.isEmpty()) {
            throw ApiException.validation(nulls);
        }
        return value;
    }

    /** The JSON path of the offending field, e.g. {@code contact.phone} or {@code answers[2]}. Names only, no values. */
    static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String joined = refs.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String cleaned = joined.replace(".[", "[");
        // Field names come from the client; keep them short and printable so they cannot smuggle content.
        cleaned = cleaned.replaceAll("[^A-Za-z0-9_.\\[\\]-]", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned.isEmpty() ? "body" : cleaned;
    }
}
