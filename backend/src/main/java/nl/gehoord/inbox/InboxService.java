package nl.gehoord.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.gehoord.audit.AuditDao;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Columns;
import nl.gehoord.db.Database;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.intake.CaseContent;
import nl.gehoord.intake.CaseDao;
import nl.gehoord.intake.CaseService;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseViews;
import nl.gehoord.intake.TextRules;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.sla.Deadlines;
import nl.gehoord.sla.DueDates;
import nl.gehoord.staff.StaffDao;
import org.jdbi.v3.core.Handle;

/**
 * The trust person's and coordinator's work on cases: the inbox and queue, opening a case (audited), replies,
 * internal notes, status changes with a plain explanation, due dates, visits and (re)assignment.
 */
public final class InboxService {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    public static final int MAX_EXPLANATION = 1000;
    public static final int MAX_NOTE = 4000;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private final Database db;
    private final FieldCipher cipher;
    private final Tokens tokens;
    private final CaseEvents events;
    private final AuditLog audit;
    private final DueDates dueDates;
    private final CaseContent sealed;
    private final Clock clock;

    public InboxService(Database db, FieldCipher cipher, Tokens tokens, CaseEvents events, AuditLog audit,
                        DueDates dueDates, Clock clock) {
        this.dueDates = dueDates;
        this.sealed = new CaseContent(cipher);
        this.db = db;
        this.cipher = cipher;
        this.tokens = tokens;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inbox and queue filters; all optional. */
    public record Filter(String status, Boolean urgent, Boolean overdue, String cursor, Integer limit) {
    }

    // Lists

    public InboxViews.Page inbox(Actor.Staff me, Filter filter) {
        return list(InboxQueries.Scope.MINE, me, filter);
    }

    /** The coordinator's queue: unassigned cases of their team (or of their organisation without a team). */
    public InboxViews.Page queue(Actor.Staff me, Filter filter, boolean wholeTeam) {
        return list(wholeTeam ? InboxQueries.Scope.TEAM : InboxQueries.Scope.QUEUE, me, filter);
    }

    private InboxViews.Page list(InboxQueries.Scope scope, Actor.Staff me, Filter filter) {
        List<FieldError> errors = new ArrayList<>();
        List<CaseStatus> statuses = statuses(filter.status(), errors);
        int limit = filter.limit() == null ? DEFAULT_PAGE : filter.limit();
        if (limit < 1 || limit > MAX_PAGE) {
            errors.add(new FieldError("limit", "invalid_value"));
        }
        Cursor cursor = filter.cursor() == null ? null : Cursor.parse(filter.cursor(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        long now = clock.millis();
        InboxQueries.Listing listing = InboxQueries.listing(new InboxQueries.Request(scope, me.staffId(), me.teamId(),
                me.organisationId(), statuses, Boolean.TRUE.equals(filter.urgent()),
                Boolean.TRUE.equals(filter.overdue()), cursor == null ? null : cursor.rank(),
                cursor == null ? null : cursor.id(), limit + 1, now));
        List<InboxViews.Item> items = db.read(h -> listing.query(h).map((rs, ctx) -> {
            Long due = Columns.longOrNull(rs, "sla_due_at");
            String state = new Deadlines(Columns.longOrNull(rs, "first_response_due_at"), Columns.longOrNull(rs, "first_response_at"),
                    Columns.longOrNull(rs, "next_response_since"), Columns.longOrNull(rs, "next_response_due_at"),
                    Columns.longOrNull(rs, "resolution_due_at"))
                    .state(CaseStatus.of(rs.getString("status")).isOpen(), rs.getLong("created_at"), now).code();
            return new InboxViews.Item(rs.getString("id"), rs.getString("kind"), rs.getString("topic"),
                    rs.getString("setting"), rs.getString("region_code"), rs.getString("age_band"),
                    CaseStatus.of(rs.getString("status")),
                    rs.getBoolean("urgent"), Instant.ofEpochMilli(rs.getLong("created_at")),
                    Instant.ofEpochMilli(rs.getLong("updated_at")), due == null ? null : Instant.ofEpochMilli(due),
                    due != null && due < now, state, rs.getInt("unread"),
                    rs.getBoolean("visit_requested") || "in_person_visit".equals(rs.getString("contact_preference")),
                    rs.getString("assigned_staff_id"));
        }).list());
        String next = null;
        if (items.size() > limit) {
            items = new ArrayList<>(items.subList(0, limit));
            InboxViews.Item last = items.get(limit - 1);
            next = new Cursor(last.urgent() ? 1 : 0, last.dueAt() == null ? InboxQueries.NO_DEADLINE
                    : last.dueAt().toEpochMilli(), last.caseId()).encode();
        }
        return new InboxViews.Page(items, next);
    }

    private static List<CaseStatus> statuses(String status, List<FieldError> errors) {
        if (status == null || status.equals("open")) {
            return CaseStatus.OPEN;
        }
        if (status.equals("all")) {
            return List.of(CaseStatus.values());
        }
        return CaseStatus.parse(status).map(List::of).orElseGet(() -> {
            errors.add(new FieldError("status", "unknown_option"));
            return List.of();
        });
    }

    /** Where the previous page ended: urgent (1/0), its due time (or NO_DEADLINE) and id, as in the order. */
    record Cursor(int urgent, long due, String id) {
        long rank() {
            return InboxQueries.rank(urgent == 1, due);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((urgent + "|" + due + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String raw, List<FieldError> errors) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split("\\|");
                if (parts.length == 3 && parts[0].matches("[01]") && parts[1].matches("\\d{1,16}")
                        && parts[2].matches("[A-Za-z0-9-]{1,64}")) {
                    return new Cursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the field error
            }
            errors.add(new FieldError("cursor", "invalid_value"));
            return null;
        }
    }

    // One case

    /** The full case. Opening it is audited; the assigned trust person's opening marks the thread read. */
    public InboxViews.Detail open(Actor.Staff me, String caseId) {
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            audit.append(h, who(me), "case.read", caseId, null);
            InboxDao inbox = h.attach(InboxDao.class);
            if (me.staffId().equals(c.assignedStaffId())) {
                inbox.markRead(caseId, inbox.lastMessageSeq(caseId));
            }
            return detail(h, c.id());
        });
    }

    private InboxViews.Detail detail(Handle h, String caseId) {
        CaseDao cases = h.attach(CaseDao.class);
        CaseDao.CaseRow row = cases.byId(caseId).orElseThrow(ApiException::notFound);
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow(ApiException::notFound);
        long now = clock.millis();
        Map<String, String> answers = sealed.openJson(row.sealed().answersEnc(), caseId, "answers", MAP);
        Map<String, String> about = sealed.openJson(row.sealed().aboutEnc(), caseId, "about", MAP);
        InboxViews.About aboutView = null;
        if (about != null) {
            String locationName = h.attach(PlacesDao.class).locationName(row.facts().locationId()).orElse(null);
            aboutView = new InboxViews.About(about.get("locationId"), locationName, about.get("text"));
        }
        List<CaseViews.MessageView> thread = sealed.thread(h, caseId);
        List<InboxViews.TimelineEntry> timeline = cases.events(caseId).stream()
                .map(e -> new InboxViews.TimelineEntry(e.type(), e.status(), Instant.ofEpochMilli(e.createdAt()),
                        cipher.open(e.explanationEnc(), caseId, "explanation", e.id()), instant(e.dueAt())))
                .toList();
        List<InboxViews.Note> notes = h.attach(InboxDao.class).notes(caseId).stream()
                .map(n -> new InboxViews.Note(n.id(), n.staffId(), cipher.open(n.bodyEnc(), caseId, "note", n.id(), n.staffId()),
                        Instant.ofEpochMilli(n.createdAt())))
                .toList();
        List<InboxViews.Opened> opened = h.attach(AuditDao.class).forCase(caseId).stream()
                .filter(a -> a.action().equals("case.read"))
                .map(a -> new InboxViews.Opened(a.actorId(), a.actorRole(), Instant.ofEpochMilli(a.at())))
                .toList();
        String state = c.deadlines().state(c.status().isOpen(), c.createdAt(), now).code();
        Deadlines d = c.deadlines();
        InboxViews.Deadlines deadlines = new InboxViews.Deadlines(instant(d.firstResponseDueAt()),
                instant(d.firstResponseAt()), instant(d.nextResponseDueAt()), instant(d.resolutionDueAt()),
                instant(c.slaDueAt()), state);
        CaseDao.Facts f = row.facts();
        InboxViews.Facts facts = new InboxViews.Facts(row.id(), f.kind(), f.topic(), f.setting(), f.regionCode(),
                f.ageBand(), row.status(), row.urgent(), Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.updatedAt()));
        InboxViews.Handling handling = new InboxViews.Handling(row.assignedStaffId(), c.teamId(),
                f.contactPreference(), c.visitRequested() || "in_person_visit".equals(f.contactPreference()),
                instant(c.visitAt()), deadlines);
        String story = row.sealed().storyEnc() == null ? null : cipher.open(row.sealed().storyEnc(), caseId, "story");
        InboxViews.Content content = new InboxViews.Content(answers, story, aboutView,
                sealed.openJson(row.sealed().contactEnc(), caseId, "contact", MAP));
        return new InboxViews.Detail(facts, handling, content, thread, timeline, notes, opened);
    }

    /** A reply the young person reads. The first one sets the first response; each one meets the next-response time. */
    public CaseViews.MessageView reply(Actor.Staff me, String caseId, String text) {
        String body = cleanText(text, "text", CaseService.MAX_MESSAGE);
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            if (!c.status().isOpen()) {
                throw ApiException.conflict("case_closed");
            }
            long now = clock.millis();
            CaseViews.MessageView message = sealed.addMessage(h, tokens.id(), caseId, "trust_person", me.staffId(),
                    body, now);
            InboxDao inbox = h.attach(InboxDao.class);
            h.attach(CaseDao.class).touch(caseId, now);
            if (me.staffId().equals(c.assignedStaffId())) {
                inbox.markRead(caseId, inbox.lastMessageSeq(caseId));
            }
            dueDates.staffAnswered(h, caseId);
            audit.append(h, who(me), "case.reply", caseId, message.messageId());
            events.publish(h, new CaseEvent(CaseEvent.Type.REPLY, caseId, me.staffId()));
            return message;
        });
    }

    /** An internal note: never shown to the young person, never pushed. */
    public InboxViews.Note note(Actor.Staff me, String caseId, String text) {
        String body = cleanText(text, "text", MAX_NOTE);
        return db.write(h -> {
            access(h, me, caseId);
            long now = clock.millis();
            String id = tokens.id();
            h.attach(InboxDao.class).insertNote(new InboxDao.Note(id, caseId, me.staffId(), cipher.activeKeyId(),
                    cipher.seal(body, caseId, "note", id, me.staffId()), now));
            audit.append(h, who(me), "case.note", caseId, id);
            return new InboxViews.Note(id, me.staffId(), body, Instant.ofEpochMilli(now));
        });
    }

    public record StatusChange(String status, String explanation, Instant dueAt) {
    }

    public InboxViews.StatusResult changeStatus(Actor.Staff me, String caseId, StatusChange change) {
        List<FieldError> errors = new ArrayList<>();
        CaseStatus status = change.status() == null ? null : CaseStatus.parse(change.status()).orElse(null);
        if (change.status() == null) {
            errors.add(new FieldError("status", "required"));
        } else if (status == null) {
            errors.add(new FieldError("status", "unknown_option"));
        }
        String explanation = TextRules.clean(change.explanation(), "explanation", MAX_EXPLANATION, true, errors);
        long now = clock.millis();
        if (change.dueAt() != null && (status != null && !StatusMachine.WITH_DUE_DATE.contains(status)
                || change.dueAt().toEpochMilli() <= now)) {
            errors.add(new FieldError("dueAt", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            if (!StatusMachine.SETTABLE.contains(status) || !StatusMachine.allowed(c.status(), status)) {
                throw ApiException.conflict("illegal_transition");
            }
            Long due = change.dueAt() == null ? null : change.dueAt().toEpochMilli();
            setStatus(h, caseId, status, explanation, due, now);
            audit.append(h, who(me), "case.status", caseId, status.code());
            events.publish(h, new CaseEvent(CaseEvent.Type.STATUS_CHANGED, caseId, me.staffId()));
            return new InboxViews.StatusResult(caseId, status, Instant.ofEpochMilli(now), instant(due));
        });
    }

    /**
     * The young person's approved letter went to the complaints committee: the case moves to
     * {@code formal_complaint} with the committee's deadline on the timeline. A case a trust person already put
     * there by hand keeps its status; a case whose step cannot lead there is refused.
     */
    public void sendToCommittee(Handle h, String caseId, String staffId, long committeeDueAt, long now) {
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow(ApiException::notFound);
        if (CaseStatus.FORMAL_COMPLAINT.equals(c.status())) {
            return;
        }
        if (!StatusMachine.allowed(c.status(), CaseStatus.FORMAL_COMPLAINT)) {
            throw ApiException.conflict("illegal_transition");
        }
        setStatus(h, caseId, CaseStatus.FORMAL_COMPLAINT, null, committeeDueAt, now);
        events.publish(h, new CaseEvent(CaseEvent.Type.STATUS_CHANGED, caseId, staffId));
    }

    /** Writes the status, closes or reopens, and adds the timeline row the young person reads. */
    private void setStatus(Handle h, String caseId, CaseStatus status, String explanation, Long dueAt, long now) {
        CaseDao cases = h.attach(CaseDao.class);
        cases.updateStatus(caseId, status, now, StatusMachine.finishes(status) ? now : null);
        String eventId = tokens.id();
        cases.insertEvent(new CaseDao.EventRow(eventId, caseId, 0, "status_changed", status,
                explanation == null ? null : cipher.activeKeyId(),
                explanation == null ? null : cipher.seal(explanation, caseId, "explanation", eventId), dueAt, now));
        dueDates.statusChanged(h, caseId);
    }

    public record DueDateChange(Instant dueAt, String explanation) {
    }

    /** Moves the date by which the next step is due, saying why (the committee runs late, for example). */
    public InboxViews.StatusResult moveDueDate(Actor.Staff me, String caseId, DueDateChange change) {
        List<FieldError> errors = new ArrayList<>();
        String explanation = TextRules.clean(change.explanation(), "explanation", MAX_EXPLANATION, true, errors);
        long now = clock.millis();
        if (change.dueAt() == null) {
            errors.add(new FieldError("dueAt", "required"));
        } else if (change.dueAt().toEpochMilli() <= now) {
            errors.add(new FieldError("dueAt", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            if (!StatusMachine.WITH_DUE_DATE.contains(c.status())) {
                throw ApiException.conflict("no_due_date_here");
            }
            long due = change.dueAt().toEpochMilli();
            String eventId = tokens.id();
            h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(eventId, caseId, 0, "due_date_moved",
                    c.status(), cipher.activeKeyId(), cipher.seal(explanation, caseId, "explanation", eventId), due,
                    now));
            h.attach(CaseDao.class).touch(caseId, now);
            audit.append(h, who(me), "case.due_date", caseId, null);
            events.publish(h, new CaseEvent(CaseEvent.Type.DUE_DATE_MOVED, caseId, me.staffId()));
            return new InboxViews.StatusResult(caseId, c.status(), Instant.ofEpochMilli(now), change.dueAt());
        });
    }

    /** Sets the date of the visit at which the trust person talks with the young person in person. */
    public InboxViews.VisitResult planVisit(Actor.Staff me, String caseId, Instant visitAt) {
        long now = clock.millis();
        if (visitAt == null) {
            throw ApiException.validation("visitAt", "required");
        }
        if (visitAt.toEpochMilli() <= now) {
            throw ApiException.validation("visitAt", "invalid_value");
        }
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            if (!c.status().isOpen()) {
                throw ApiException.conflict("case_closed");
            }
            h.attach(InboxDao.class).planVisit(caseId, visitAt.toEpochMilli(), now);
            h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(tokens.id(), caseId, 0, "visit_planned", null,
                    null, null, visitAt.toEpochMilli(), now));
            audit.append(h, who(me), "case.visit_planned", caseId, null);
            return new InboxViews.VisitResult(caseId, visitAt);
        });
    }

    /** A coordinator gives a case to a trust person of their team. */
    public InboxViews.AssignResult assign(Actor.Staff me, String caseId, String staffId) {
        if (staffId == null || !staffId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.validation("staffId", staffId == null ? "required" : "unknown_option");
        }
        return db.write(h -> {
            InboxDao.Handling c = access(h, me, caseId);
            if (!c.status().isOpen()) {
                throw ApiException.conflict("case_closed");
            }
            InboxDao inbox = h.attach(InboxDao.class);
            InboxDao.Member target = inbox.member(staffId)
                    .filter(m -> m.active() && "trust_person".equals(m.role()) && m.teamId() != null)
                    .filter(m -> me.teamId() == null ? sameOrganisation(h, m.id(), me.organisationId())
                            : me.teamId().equals(m.teamId()))
                    .orElseThrow(() -> ApiException.validation("staffId", "unknown_option"));
            if (staffId.equals(c.assignedStaffId())) {
                throw ApiException.conflict("already_assigned");
            }
            long now = clock.millis();
            CaseStatus status = assignTo(h, c, target, now);
            audit.append(h, who(me), "case.assign", caseId, staffId);
            return new InboxViews.AssignResult(caseId, status, staffId);
        });
    }

    /** Assigns and tells everyone: a first assignment moves a received case on; a change is a reassignment. */
    CaseStatus assignTo(Handle h, InboxDao.Handling c, InboxDao.Member target, long now) {
        InboxDao inbox = h.attach(InboxDao.class);
        inbox.assign(c.id(), target.id(), target.teamId(), now);
        StaffDao.markAssigned(h, target.id(), now);
        CaseStatus status = c.status();
        if (c.status() == CaseStatus.RECEIVED) {
            setStatus(h, c.id(), CaseStatus.ASSIGNED, null, null, now);
            status = CaseStatus.ASSIGNED;
            events.publish(h, new CaseEvent(CaseEvent.Type.STATUS_CHANGED, c.id(), target.id()));
        }
        if (c.assignedStaffId() == null) {
            events.publish(h, new CaseEvent(CaseEvent.Type.ASSIGNED, c.id(), target.id()));
        } else {
            h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(tokens.id(), c.id(), 0, "reassigned", null,
                    null, null, null, now));
            events.publish(h, new CaseEvent(CaseEvent.Type.REASSIGNED, c.id(), target.id()));
        }
        return status;
    }

    /** At most this many queued cases are handed out when someone becomes available. */
    static final int DRAIN_LIMIT = 50;

    /**
     * Hands the team's queued cases to its available trust persons, urgent ones first, then by due time; stops
     * when nobody is available. Runs when a trust person becomes available again.
     */
    public int drainQueue(Handle h, String teamId) {
        if (teamId == null) {
            return 0;
        }
        InboxDao inbox = h.attach(InboxDao.class);
        List<String> queued = inbox.queued(teamId, DRAIN_LIMIT);
        int assigned = 0;
        for (String caseId : queued) {
            var target = Assignment.pick(h, teamId, null).flatMap(inbox::member);
            if (target.isEmpty()) {
                break;
            }
            InboxDao.Handling c = inbox.handling(caseId).orElseThrow();
            assignTo(h, c, target.get(), clock.millis());
            audit.append(h, AuditLog.Who.SYSTEM, "case.assign", caseId, target.get().id());
            assigned++;
        }
        return assigned;
    }

    private static boolean sameOrganisation(Handle h, String staffId, String organisationId) {
        return h.attach(StaffDao.class).organisationOf(staffId).map(organisationId::equals).orElse(false);
    }

    // The young person's requests about handling

    /** The case, if this device may read it and it is still open: 404 for someone else's, 409 when finished. */
    private static InboxDao.Handling openCaseOfDevice(Handle h, Actor.Device device, String caseId) {
        h.attach(CaseDao.class).forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow(ApiException::notFound);
        if (!c.status().isOpen()) {
            throw ApiException.conflict("case_not_open");
        }
        return c;
    }

    /** The young person asks for another trust person: someone else in the team, or the coordinator's queue. */
    public void askOtherTrustPerson(Actor.Device device, String caseId) {
        db.writeVoid(h -> {
            InboxDao inbox = h.attach(InboxDao.class);
            InboxDao.Handling c = openCaseOfDevice(h, device, caseId);
            long now = clock.millis();
            h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(tokens.id(), caseId, 0, "other_trust_person_asked",
                    null, null, null, null, now));
            audit.append(h, AuditLog.Who.YOUNG_PERSON, "case.other_trust_person", caseId, null);
            var other = Assignment.pick(h, c.teamId(), c.assignedStaffId()).flatMap(inbox::member);
            if (other.isPresent()) {
                assignTo(h, c, other.get(), now);
            } else if (c.assignedStaffId() != null) {
                inbox.assign(caseId, null, c.teamId(), now);
                if (c.status() != CaseStatus.RECEIVED) {
                    setStatus(h, caseId, CaseStatus.RECEIVED, null, null, now);
                    events.publish(h, CaseEvent.of(CaseEvent.Type.STATUS_CHANGED, caseId));
                }
            }
        });
    }

    /** The young person asks to talk at the trust person's next visit instead of by message. */
    public void askVisit(Actor.Device device, String caseId) {
        db.writeVoid(h -> {
            InboxDao inbox = h.attach(InboxDao.class);
            InboxDao.Handling c = openCaseOfDevice(h, device, caseId);
            if (c.visitRequested()) {
                return;
            }
            long now = clock.millis();
            inbox.requestVisit(caseId, now);
            h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(tokens.id(), caseId, 0, "visit_requested",
                    null, null, null, null, now));
        });
    }

    // Shared

    /** The case if this staff member may work on it; otherwise 404, so ids tell nothing. */
    InboxDao.Handling access(Handle h, Actor.Staff me, String caseId) {
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow(ApiException::notFound);
        if (c.erasedAt() != null) {
            throw ApiException.notFound();
        }
        boolean mine = switch (me.role()) {
            case TRUST_PERSON -> me.staffId().equals(c.assignedStaffId());
            case COORDINATOR -> c.teamId() != null ? c.teamId().equals(me.teamId())
                    : c.organisationId().equals(me.organisationId());
            default -> false;
        };
        if (!mine) {
            throw ApiException.notFound();
        }
        return c;
    }

    static AuditLog.Who who(Actor.Staff me) {
        return new AuditLog.Who(me.staffId(), me.role().stored());
    }

    private static String cleanText(String text, String field, int max) {
        List<FieldError> errors = new ArrayList<>();
        String clean = TextRules.clean(text, field, max, true, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return clean;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
