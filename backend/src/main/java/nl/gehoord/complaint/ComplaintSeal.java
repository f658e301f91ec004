package nl.gehoord.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.http.Json;

/** The complaint's sealed values, each bound to its case and its complaint row: the draft and the approved letter. */
final class ComplaintSeal {
    private ComplaintSeal() {
    }

    static String sealDraft(FieldCipher cipher, ComplaintDraft draft, String caseId, String complaintId) {
        return cipher.seal(json(draft), caseId, "complaintDraft", complaintId);
    }

    static ComplaintDraft openDraft(FieldCipher cipher, ComplaintDao.ComplaintRow row) {
        return read(cipher.open(row.draftEnc(), row.caseId(), "complaintDraft", row.id()), ComplaintDraft.class);
    }

    static String sealApproved(FieldCipher cipher, ComplaintLetter.Letter letter, String caseId, String complaintId) {
        return cipher.seal(json(letter), caseId, "complaintApproved", complaintId);
    }

    static ComplaintLetter.Letter openApproved(FieldCipher cipher, ComplaintDao.ComplaintRow row) {
        return read(cipher.open(row.approvedEnc(), row.caseId(), "complaintApproved", row.id()),
                ComplaintLetter.Letter.class);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a complaint could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored complaint is not JSON", e);
        }
    }
}
