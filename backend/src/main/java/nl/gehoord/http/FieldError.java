package nl.gehoord.http;

/** One problem with one field of a request: the field's path and a stable code; the message is added when rendered. */
public record FieldError(String field, String code) {
}
