package nl.gehoord.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.gehoord.text.TextInfo;

/**
 * RFC 9457 problem details as Gehoord renders them, with the language of the words ({@code language},
 * {@code direction}, {@code reviewed}, and {@code fallbackLanguages} only when a text was missing).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, List<Field> errors,
                      String requestId, String language, String direction, boolean reviewed,
                      List<String> fallbackLanguages) {

    public TextInfo textInfo() {
        return new TextInfo(language, direction, reviewed, fallbackLanguages);
    }

    public record Field(String field, String code, String message) {
    }

    public static final String CONTENT_TYPE = "application/problem+json";
}
