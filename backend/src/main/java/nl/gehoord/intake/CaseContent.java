package nl.gehoord.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.http.Json;
import org.jdbi.v3.core.Handle;

/**
 * What a young person wrote, sealed at rest: structured fields as sealed JSON, and the message thread. The one
 * place that seals and opens them, for the young person's own views and for the inbox.
 */
public final class CaseContent {
    private final FieldCipher cipher;

    public CaseContent(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The value as JSON, sealed to the case and field; null stays null. */
    public String sealJson(Object value, String caseId, String field) {
        if (value == null) {
            return null;
        }
        try {
            return cipher.seal(Json.mapper().writeValueAsString(value), caseId, field);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T openJson(String sealed, String caseId, String field, TypeReference<T> type) {
        if (sealed == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(cipher.open(sealed, caseId, field), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + field + " is not JSON", e);
        }
    }

    /**
     * Adds a message to the thread, sealed to its row (case, id, author and staff member), and returns it as its
     * reader sees it.
     */
    public CaseViews.MessageView addMessage(Handle h, String id, String caseId, String author, String staffId,
                                            String body, long now) {
        MessageDao messages = h.attach(MessageDao.class);
        messages.insert(new MessageDao.MessageRow(id, caseId, 0, author, staffId, cipher.activeKeyId(),
                cipher.seal(body, caseId, "message", id, author, staffId), now));
        MessageDao.MessageRow row = messages.byId(id);
        return new CaseViews.MessageView(row.id(), row.seq(), row.author(), body, Instant.ofEpochMilli(now));
    }

    public CaseViews.MessageView message(MessageDao.MessageRow row) {
        return new CaseViews.MessageView(row.id(), row.seq(), row.author(),
                cipher.open(row.bodyEnc(), row.caseId(), "message", row.id(), row.author(), row.staffId()),
                Instant.ofEpochMilli(row.createdAt()));
    }

    /** One page of the thread after message {@code after}. */
    public List<CaseViews.MessageView> page(Handle h, String caseId, int after) {
        return h.attach(MessageDao.class).page(caseId, after, CaseService.PAGE_SIZE).stream().map(this::message)
                .toList();
    }

    /** The whole thread, read a page at a time. */
    public List<CaseViews.MessageView> thread(Handle h, String caseId) {
        List<CaseViews.MessageView> thread = new ArrayList<>();
        List<CaseViews.MessageView> page;
        int after = 0;
        do {
            page = page(h, caseId, after);
            thread.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == CaseService.PAGE_SIZE);
        return thread;
    }
}
