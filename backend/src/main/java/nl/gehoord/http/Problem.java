package nl.gehoord.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details as Gehoord renders them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String code, String detail, List<Field> errors,
                      String requestId) {

    public record Field(String field, String code, String message) {
    }

    public static final String CONTENT_TYPE = "application/problem+json";
}
