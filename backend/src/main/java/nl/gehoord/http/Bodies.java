package nl.gehoord.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a JSON request body into a record, turning every way it can be wrong into a clear 4xx. */
public final class Bodies {
    private static final String BODY_TEXT = "gehoord.bodyText";
    /** The largest body read, in bytes: registered once as app data (see App). */
    public static final io.javalin.config.Key<Long> MAX_BYTES = new io.javalin.config.Key<>("gehoord.maxBodyBytes");

    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        if (!MediaType.isJson(ctx.req().getHeaders("Content-Type"))
                || !MediaType.isPlain(ctx.req().getHeaders("Content-Encoding"))) {
            throw new ApiException(415, "unsupported_media_type");
        }
        String body = text(ctx);
        if (body.isEmpty()) {
            throw ApiException.badRequest("empty_body");
        }
        try {
            requireWholeCharacters(body);
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
            Json.mapper().readTree(text(ctx)).properties().forEach(field -> {
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

    /**
     * The body as text, decoded strictly as UTF-8 once per request. Jackson's own byte reading accepts overlong
     * forms ({@code C0 AE} as {@code .}) and guesses UTF-16 and UTF-32 from the first bytes; a body is read
     * as what it is, so anything that is not well-formed UTF-8 is malformed. One leading byte order mark is
     * ignored, as RFC 8259 allows.
     */
    static String text(Context ctx) {
        String cached = ctx.attribute(BODY_TEXT);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = readLimited(ctx);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("malformed_json");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ctx.attribute(BODY_TEXT, text);
        return text;
    }

    /**
     * Reads the body up to the configured limit. Javalin's own reading logs every oversized body at WARN; an
     * oversized body is the client's, so it is a plain 413 here and nothing in the log but the access line.
     */
    private static byte[] readLimited(Context ctx) {
        long limit = ctx.appData(MAX_BYTES);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                if (out.size() + n > limit) {
                    throw new ApiException(413, "body_too_large");
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JSON escape can name half of a surrogate pair ({@code "\\ud800"}), which is no character at all and
     * would be stored as a question mark: such a text is malformed, like bad UTF-8. Checked before the body
     * is mapped, so the answer does not depend on which fields the route knows.
     */
    private static void requireWholeCharacters(String body) throws IOException {
        try (JsonParser parser = Json.mapper().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    String text = parser.getText();
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1))) {
                            i++;
                        } else if (Character.isSurrogate(c)) {
                            throw ApiException.badRequest("malformed_json");
                        }
                    }
                }
            }
        }
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
