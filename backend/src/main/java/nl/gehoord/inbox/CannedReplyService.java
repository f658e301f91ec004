package nl.gehoord.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.intake.TextRules;

/** Plain-language templates per organisation, which a trust person edits before sending. */
public final class CannedReplyService {
    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 4000;

    private final Database db;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public CannedReplyService(Database db, Tokens tokens, AuditLog audit, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public record Body(String title, String body) {
    }

    public record View(String id, String title, String body, Instant updatedAt) {
    }

    public List<View> list(Actor.Staff me) {
        return db.read(h -> h.attach(InboxDao.class).canned(me.organisationId()).stream().map(CannedReplyService::view)
                .toList());
    }

    public View create(Actor.Staff me, Body body) {
        Body clean = validate(body);
        long now = clock.millis();
        String id = tokens.id();
        return db.write(h -> {
            InboxDao dao = h.attach(InboxDao.class);
            dao.insertCanned(new InboxDao.CannedReply(id, me.organisationId(), clean.title(), clean.body(), now, now));
            audit.append(h, InboxService.who(me), "canned_reply.create", null, id);
            return view(dao.cannedById(id, me.organisationId()).orElseThrow());
        });
    }

    public View update(Actor.Staff me, String id, Body body) {
        Body clean = validate(body);
        return db.write(h -> {
            InboxDao dao = h.attach(InboxDao.class);
            dao.cannedById(id, me.organisationId()).orElseThrow(ApiException::notFound);
            dao.updateCanned(id, clean.title(), clean.body(), clock.millis());
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

    private static View view(InboxDao.CannedReply r) {
        return new View(r.id(), r.title(), r.body(), Instant.ofEpochMilli(r.updatedAt()));
    }
}
