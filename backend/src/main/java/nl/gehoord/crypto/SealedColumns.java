package nl.gehoord.crypto;

import java.util.List;

/**
 * Every column that holds FieldCipher-sealed text, with the record id and field name it was sealed with. The
 * re-encrypt pass walks this list; a feature that adds a sealed column adds a line here.
 *
 * @param table       the table
 * @param keyColumns  the primary key, to update exactly one row
 * @param ownerColumn the column holding the owner id used as associated data
 * @param column      the sealed column
 * @param field       the field name used as associated data
 * @param keyIdColumn the row's key-id column to keep in step, or null
 * @param rowColumns  the columns that name the row within its owner (id, author), bound as associated data in this
 *                    order; empty for one value per owner
 */
public record SealedColumns(String table, List<String> keyColumns, String ownerColumn, String column, String field,
                            String keyIdColumn, List<String> rowColumns) {

    public SealedColumns(String table, List<String> keyColumns, String ownerColumn, String column, String field,
                         String keyIdColumn) {
        this(table, keyColumns, ownerColumn, column, field, keyIdColumn, List.of());
    }

    /** The message row binding: a message cannot be moved to another row or made to look like the other side's. */
    public static final List<String> MESSAGE_ROW = List.of("id", "author", "staff_id");
    public static final List<String> EVENT_ROW = List.of("id");
    public static final List<String> NOTE_ROW = List.of("id", "staff_id");
    public static final List<String> CANNED_ROW = List.of("id");
    /** A complaint's and a signal's texts are bound to their own row, so they cannot move to another. */
    public static final List<String> OWN_ROW = List.of("id");

    public static final List<SealedColumns> ALL = List.of(
            new SealedColumns("cases", List.of("id"), "id", "answers_enc", "answers", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "story_enc", "story", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "about_enc", "about", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "contact_enc", "contact", "key_id"),
            new SealedColumns("idempotency_keys", List.of("device_id", "key_hash"), "case_id", "case_code_enc",
                    "caseCode", null),
            new SealedColumns("case_messages", List.of("id"), "case_id", "body_enc", "message", "key_id", MESSAGE_ROW),
            new SealedColumns("case_events", List.of("id"), "case_id", "explanation_enc", "explanation", "key_id",
                    EVENT_ROW),
            new SealedColumns("case_feedback", List.of("case_id"), "case_id", "text_enc", "feedback", "key_id"),
            new SealedColumns("devices", List.of("id"), "id", "push_token_enc", "pushToken", null),
            new SealedColumns("staff", List.of("id"), "id", "push_token_enc", "pushToken", null),
            new SealedColumns("case_notes", List.of("id"), "case_id", "body_enc", "note", "key_id", NOTE_ROW),
            new SealedColumns("staff", List.of("id"), "id", "totp_secret_enc", "totpSecret", null),
            new SealedColumns("staff", List.of("id"), "id", "totp_pending_enc", "totpPending", null),
            new SealedColumns("canned_replies", List.of("id"), "organisation_id", "title_enc", "cannedTitle", "key_id",
                    CANNED_ROW),
            new SealedColumns("canned_replies", List.of("id"), "organisation_id", "body_enc", "cannedBody", "key_id",
                    CANNED_ROW),
            new SealedColumns("complaints", List.of("id"), "case_id", "draft_enc", "complaintDraft", "key_id", OWN_ROW),
            new SealedColumns("complaints", List.of("id"), "case_id", "approved_enc", "complaintApproved", "key_id",
                    OWN_ROW),
            new SealedColumns("complaints", List.of("id"), "case_id", "letter_enc", "complaintLetter", "key_id",
                    OWN_ROW),
            new SealedColumns("signals", List.of("id"), "organisation_id", "text_enc", "signalText", "key_id", OWN_ROW),
            new SealedColumns("signals", List.of("id"), "organisation_id", "answer_enc", "signalAnswer", "key_id",
                    OWN_ROW));

    /** The values of this column's row binding in one row read by the re-encrypt pass (lower-case names). */
    public String[] rowValues(java.util.Map<String, Object> row) {
        return rowColumns.stream().map(c -> row.get(c) == null ? null : String.valueOf(row.get(c)))
                .toArray(String[]::new);
    }
}
