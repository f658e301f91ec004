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
 */
public record SealedColumns(String table, List<String> keyColumns, String ownerColumn, String column, String field,
                            String keyIdColumn) {

    public static final List<SealedColumns> ALL = List.of(
            new SealedColumns("cases", List.of("id"), "id", "answers_enc", "answers", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "story_enc", "story", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "about_enc", "about", "key_id"),
            new SealedColumns("cases", List.of("id"), "id", "contact_enc", "contact", "key_id"),
            new SealedColumns("idempotency_keys", List.of("device_id", "key_hash"), "case_id", "case_code_enc",
                    "caseCode", null),
            new SealedColumns("case_messages", List.of("id"), "case_id", "body_enc", "message", "key_id"),
            new SealedColumns("case_events", List.of("id"), "case_id", "explanation_enc", "explanation", "key_id"),
            new SealedColumns("case_feedback", List.of("case_id"), "case_id", "text_enc", "feedback", "key_id"),
            new SealedColumns("devices", List.of("id"), "id", "push_token_enc", "pushToken", null),
            new SealedColumns("staff", List.of("id"), "id", "push_token_enc", "pushToken", null),
            // issue 4: internal notes and the staff second-factor secret
            new SealedColumns("case_notes", List.of("id"), "case_id", "body_enc", "note", "key_id"),
            new SealedColumns("staff", List.of("id"), "id", "totp_secret_enc", "totpSecret", null),
            new SealedColumns("staff", List.of("id"), "id", "totp_pending_enc", "totpPending", null));
}
