package nl.gehoord.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.intake.TextRules;

/**
 * Plain-language templates per organisation, which a trust person edits before sending. Staff write them and they
 * may hold names, so title and body are sealed like all other free text, bound to the organisation and the row.
 */
public final class CannedReplyService {
    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 4000;

    private static final int SEAL_BATCH = 200;

    private final Database db;
    private final FieldCipher cipher;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public CannedReplyService(Database db, FieldCipher cipher, Tokens tokens, AuditLog audit, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public record Body(String title, String body) {
    }

    public record View(String id, String title, String body, Instant updatedAt) {
    }

    public List<View> list(Actor.Staff me) {
        return db.read(h -> h.attach(InboxDao.class).canned(me.organisationId()).stream().map(this::view)
                .sorted(Comparator.comparing(View::title).thenComparing(View::id)).toList());
    }

    public View create(Actor.Staff me, Body body) {
        Body clean = validate(body);
        long now = clock.millis();
        String id = tokens.id();
        return db.write(h -> {
            InboxDao dao = h.attach(InboxDao.class);
            dao.insertCanned(new InboxDao.CannedReply(id, me.organisationId(), cipher.activeKeyId(),
                    sealTitle(clean.title(), me.organisationId(), id), sealBody(clean.body(), me.organisationId(), id),
                    now, now));
            audit.append(h, InboxService.who(me), "canned_reply.create", null, id);
            return view(dao.cannedById(id, me.organisationId()).orElseThrow());
        });
    }

    public View update(Actor.Staff me, String id, Body body) {
        Body clean = validate(body);
        return db.write(h -> {
            InboxDao dao = h.attach(InboxDao.class);
            dao.cannedById(id, me.organisationId()).orElseThrow(ApiException::notFound);
            dao.updateCanned(id, cipher.activeKeyId(), sealTitle(clean.title(), me.organisationId(), id),
                    sealBody(clean.body(), me.organisationId(), id), clock.millis());
            audit.append(h, InboxService.who(me), "canned_reply.update", null, id);
            return view(dao.cannedById(id, me.organisationId()).orElseThrow());
        });
    }

    public void delete(Actor.Staff me, String id) {
        db.writeVoid(h -> {
            if (h.attach(InboxDao.class).deleteCanned(id, me.organisationId()) == 0) {
                throw ApiException.notFound();
            }
            audit.append(h, InboxService.who(me), "canned_reply.delete", null, id);
        });
    }

    private static Body validate(Body body) {
        List<FieldError> errors = new ArrayList<>();
        String title = TextRules.clean(body.title(), "title", MAX_TITLE, true, errors);
        String text = TextRules.clean(body.body(), "body", MAX_BODY, true, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Body(title, text);
    }

    /**
     * Seals the rows still held in plain text (from before canned replies were sealed, and the demo seed). Run at
     * start-up before the server serves; each row is sealed and emptied in one statement, so a crash loses nothing.
     */
    public int sealUnsealed() {
        int total = 0;
        while (true) {
            int done = db.write(h -> {
                InboxDao dao = h.attach(InboxDao.class);
                List<InboxDao.UnsealedCanned> rows = dao.unsealedCanned(SEAL_BATCH);
                for (InboxDao.UnsealedCanned r : rows) {
                    dao.sealCanned(r.id(), cipher.activeKeyId(), sealTitle(r.title(), r.organisationId(), r.id()),
                            sealBody(r.body(), r.organisationId(), r.id()));
                }
                return rows.size();
            });
            total += done;
            if (done < SEAL_BATCH) {
                return total;
            }
        }
    }

    private String sealTitle(String title, String organisationId, String id) {
        return cipher.seal(title, organisationId, "cannedTitle", id);
    }

    private String sealBody(String body, String organisationId, String id) {
        return cipher.seal(body, organisationId, "cannedBody", id);
    }

    private View view(InboxDao.CannedReply r) {
        return new View(r.id(), cipher.open(r.titleEnc(), r.organisationId(), "cannedTitle", r.id()),
                cipher.open(r.bodyEnc(), r.organisationId(), "cannedBody", r.id()), Instant.ofEpochMilli(r.updatedAt()));
    }
}
