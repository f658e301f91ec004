package nl.gehoord.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Role;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.intake.CaseDao;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.intake.TextRules;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.text.Language;
import org.jdbi.v3.core.Handle;

/**
 * The formal complaint of one case: the trust person starts it, the young person answers a few questions, changes
 * their own words and approves the letter; the trust person may reword the formal paragraphs, and every change
 * takes the approval away until the young person looks again. Only an approved version is sent: as a tagged PDF,
 * sealed at rest, with the case moving to {@code formal_complaint} and the committee's deadline on the timeline.
 * The committee's decision and the provider's measures (due a month after it) follow on the same timeline.
 */
public final class ComplaintService {
    public static final int MAX_WORDING = 2000;
    public static final int MAX_EXPLANATION = 1000;
    static final int DEFAULT_COMMITTEE_WEEKS = 6;
    static final int DEFAULT_FREEDOM_WEEKS = 4;
    static final List<String> KINDS = List.of("committee", "freedom_restriction");
    static final List<String> OUTCOMES = List.of("upheld", "partly_upheld", "rejected");
    /** The timeline entry each decision gives the young person. */
    private static final Map<String, String> DECISION_EVENTS = Map.of("upheld", "committee_upheld",
            "partly_upheld", "committee_partly_upheld", "rejected", "committee_rejected");

    private final Database db;
    private final FieldCipher cipher;
    private final Tokens tokens;
    private final AuditLog audit;
    private final InboxService inbox;
    private final ComplaintTexts texts;
    private final Clock clock;

    public ComplaintService(Database db, FieldCipher cipher, Tokens tokens, AuditLog audit,
                            InboxService inbox, ComplaintTexts texts, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.tokens = tokens;
        this.audit = audit;
        this.inbox = inbox;
        this.texts = texts;
        this.clock = clock;
    }

    // The trust person

    /** Starts the formal complaint of a case the trust person handles; the draft starts from the case's story. */
    public ComplaintViews.ForTrustPerson start(Actor.Staff me, String caseId, String kind) {
        if (kind == null) {
            throw ApiException.validation("kind", "required");
        }
        if (!KINDS.contains(kind)) {
            throw ApiException.validation("kind", "unknown_option");
        }
        return db.write(h -> {
            InboxDao.Handling c = handledBy(h, me, caseId);
            if (!c.status().isOpen()) {
                throw ApiException.conflict("case_closed");
            }
            ComplaintDao complaints = h.attach(ComplaintDao.class);
            if (complaints.forCase(caseId).isPresent()) {
                throw ApiException.conflict("complaint_exists");
            }
            CaseDao.CaseRow row = h.attach(CaseDao.class).byId(caseId).orElseThrow(ApiException::notFound);
            String story = row.sealed().storyEnc() == null ? null : cipher.open(row.sealed().storyEnc(), caseId, "story");
            long now = clock.millis();
            String id = tokens.id();
            ComplaintDraft draft = new ComplaintDraft(null, null, null, null, null, story, Map.of());
            complaints.insert(new ComplaintDao.ComplaintRow(id, caseId, c.organisationId(), kind, "draft", 1, null,
                    null, me.staffId(), cipher.activeKeyId(), sealDraft(draft, caseId, id), null, null, null, null,
                    null, null, null, null, now, now));
            timeline(h, caseId, "complaint_started", null, null, now);
            audit.append(h, who(me), "complaint.started", caseId, id);
            return staffView(h, complaints.forCase(caseId).orElseThrow());
        });
    }

    public ComplaintViews.ForTrustPerson forTrustPerson(Actor.Staff me, String caseId) {
        return db.read(h -> {
            handledBy(h, me, caseId);
            return staffView(h, complaintOf(h, caseId));
        });
    }

    /**
     * The trust person rewrites the formal wording of paragraphs; those named in {@code remove} get the drafted
     * wording back. The young person's approval of the earlier version no longer counts, and their timeline asks
     * them to look again.
     */
    public ComplaintViews.ForTrustPerson reword(Actor.Staff me, String caseId, Map<String, String> paragraphs,
                                                List<String> remove) {
        Map<String, String> given = paragraphs == null ? Map.of() : paragraphs;
        List<String> removed = remove == null ? List.of() : remove;
        if (given.isEmpty() && removed.isEmpty()) {
            throw ApiException.validation("paragraphs", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> changes = new HashMap<>();
        given.forEach((id, text) -> {
            if (!ComplaintLetter.PARTS.contains(id)) {
                errors.add(new FieldError("paragraphs." + id, "unknown_option"));
            } else if (text == null) {
                errors.add(new FieldError("paragraphs." + id, "wrong_type"));
            } else {
                changes.put(id, TextRules.clean(text, "paragraphs." + id, MAX_WORDING, true, errors));
            }
        });
        Set<String> restore = new HashSet<>();
        for (String id : removed) {
            if (id == null || !ComplaintLetter.PARTS.contains(id)) {
                errors.add(new FieldError("remove", "unknown_option"));
            } else if (given.containsKey(id) || !restore.add(id)) {
                errors.add(new FieldError("remove", "invalid_value"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            handledBy(h, me, caseId);
            ComplaintDao.ComplaintRow row = draftOf(h, caseId);
            ComplaintDraft draft = openDraft(row);
            Map<String, String> wording = new HashMap<>(draft.wording());
            wording.putAll(changes);
            restore.forEach(wording::remove);
            ComplaintDraft changed = new ComplaintDraft(draft.whatNow(), draft.hearing(), draft.companion(),
                    draft.name(), draft.fullName(), draft.story(), wording);
            save(h, row, changed, true);
            audit.append(h, who(me), "complaint.wording", caseId, row.id());
            return staffView(h, h.attach(ComplaintDao.class).forCase(caseId).orElseThrow());
        });
    }

    /** Sends the approved version: the PDF is made from exactly the paragraphs the young person approved. */
    public ComplaintViews.ForTrustPerson send(Actor.Staff me, String caseId) {
        return db.write(h -> {
            handledBy(h, me, caseId);
            ComplaintDao.ComplaintRow row = draftOf(h, caseId);
            if (!row.approved()) {
                throw ApiException.conflict("complaint_not_approved");
            }
            ComplaintDao complaints = h.attach(ComplaintDao.class);
            long now = clock.millis();
            ComplaintDao.Settings settings = settingsOf(h, row.organisationId());
            int weeks = "freedom_restriction".equals(row.kind()) ? settings.freedomWeeks() : settings.committeeWeeks();
            long due = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), CaseTexts.ZONE).plusWeeks(weeks)
                    .toInstant().toEpochMilli();
            // Refused before the letter is made when the case's step cannot lead to the committee.
            inbox.sendToCommittee(h, caseId, me.staffId(), due, now);
            ComplaintLetter.Letter letter = openApproved(row);
            byte[] pdf = LetterPdf.render(new LetterPdf.Letterhead(settings.letterheadName(),
                    lines(settings.letterheadLines())), letter, row.approvedAt(), now);
            String sealed = cipher.seal(Base64.getEncoder().encodeToString(pdf), caseId, "complaintLetter", row.id());
            if (complaints.markSent(row.id(), row.version(), sealed, due, now) != 1) {
                throw ApiException.conflict("complaint_not_approved");
            }
            timeline(h, caseId, "complaint_sent", null, due, now);
            audit.append(h, who(me), "complaint.sent", caseId, row.id());
            return staffView(h, complaints.forCase(caseId).orElseThrow());
        });
    }

    /** The committee's decision; the provider says within a month which measures it takes. */
    public ComplaintViews.ForTrustPerson decide(Actor.Staff me, String caseId, String outcome, LocalDate decidedOn,
                                                String explanation) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "required"));
        } else if (!OUTCOMES.contains(outcome)) {
            errors.add(new FieldError("outcome", "unknown_option"));
        }
        String text = TextRules.clean(explanation, "explanation", MAX_EXPLANATION, false, errors);
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), CaseTexts.ZONE);
        if (decidedOn != null && decidedOn.isAfter(today)) {
            errors.add(new FieldError("decidedOn", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            handledBy(h, me, caseId);
            ComplaintDao complaints = h.attach(ComplaintDao.class);
            ComplaintDao.ComplaintRow row = complaintOf(h, caseId);
            LocalDate day = decidedOn == null ? today : decidedOn;
            long decidedAt = decidedOn == null ? now : day.atStartOfDay(CaseTexts.ZONE).toInstant().toEpochMilli();
            long measuresDue = day.plusMonths(1).atTime(17, 0).atZone(CaseTexts.ZONE).toInstant().toEpochMilli();
            if (complaints.markDecided(row.id(), outcome, decidedAt, measuresDue, now) != 1) {
                throw ApiException.conflict("complaint_wrong_step");
            }
            timeline(h, caseId, DECISION_EVENTS.get(outcome), text, measuresDue, now);
            audit.append(h, who(me), "complaint.decision", caseId, row.id());
            return staffView(h, complaints.forCase(caseId).orElseThrow());
        });
    }

    /** The provider said which measures it takes. */
    public ComplaintViews.ForTrustPerson measures(Actor.Staff me, String caseId, String explanation) {
        List<FieldError> errors = new ArrayList<>();
        String text = TextRules.clean(explanation, "explanation", MAX_EXPLANATION, false, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            handledBy(h, me, caseId);
            ComplaintDao complaints = h.attach(ComplaintDao.class);
            ComplaintDao.ComplaintRow row = complaintOf(h, caseId);
            long now = clock.millis();
            if (complaints.markMeasures(row.id(), now) != 1) {
                throw ApiException.conflict("complaint_wrong_step");
            }
            timeline(h, caseId, "provider_measures", text, null, now);
            audit.append(h, who(me), "complaint.measures", caseId, row.id());
            return staffView(h, complaints.forCase(caseId).orElseThrow());
        });
    }

    /** The sent letter for the trust person who handles the case; reading it is audited. */
    public byte[] letterForTrustPerson(Actor.Staff me, String caseId) {
        return db.write(h -> {
            handledBy(h, me, caseId);
            byte[] pdf = letter(complaintOf(h, caseId));
            audit.append(h, who(me), "complaint.letter_read", caseId, null);
            return pdf;
        });
    }

    // The young person

    public ComplaintViews.ForYoungPerson forYoungPerson(Actor.Device device, String caseId, Language language) {
        return db.read(h -> {
            ownCase(h, device, caseId);
            return youthView(h, complaintOf(h, caseId), language);
        });
    }

    /** The young person's answers and own words; any change takes an earlier approval away. */
    public record Answers(String whatNow, String hearing, String companion, String name, String fullName,
                          String story) {
    }

    public ComplaintViews.ForYoungPerson answer(Actor.Device device, String caseId, Answers answers,
                                                Language language) {
        List<FieldError> errors = new ArrayList<>();
        String whatNow = TextRules.clean(answers.whatNow(), "whatNow", ComplaintQuestions.MAX_WORDS, false, errors);
        String story = TextRules.clean(answers.story(), "story", ComplaintQuestions.MAX_WORDS, false, errors);
        String fullName = TextRules.clean(answers.fullName(), "fullName", ComplaintQuestions.MAX_NAME, false, errors);
        option(answers.hearing(), "hearing", ComplaintQuestions.HEARING, errors);
        option(answers.companion(), "companion", ComplaintQuestions.COMPANIONS, errors);
        option(answers.name(), "name", ComplaintQuestions.NAME, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            ownCase(h, device, caseId);
            ComplaintDao.ComplaintRow row = draftOf(h, caseId);
            ComplaintDraft d = openDraft(row);
            String name = or(answers.name(), d.name());
            String hearing = or(answers.hearing(), d.hearing());
            ComplaintDraft changed = new ComplaintDraft(or(whatNow, d.whatNow()), hearing,
                    "no".equals(hearing) ? null : or(answers.companion(), d.companion()), name,
                    "in_letter".equals(name) ? or(fullName, d.fullName()) : null, or(story, d.story()), d.wording());
            if (!changed.equals(d)) {
                save(h, row, changed, false);
            }
            return youthView(h, h.attach(ComplaintDao.class).forCase(caseId).orElseThrow(), language);
        });
    }

    /**
     * The young person approves the version they saw. The paragraphs are kept as they are now, and only these
     * are ever sent; a draft that changed since they looked is refused, so they look again.
     */
    public ComplaintViews.ForYoungPerson approve(Actor.Device device, String caseId, Integer version,
                                                 Language language) {
        if (version == null) {
            throw ApiException.validation("version", "required");
        }
        return db.write(h -> {
            ownCase(h, device, caseId);
            ComplaintDao complaints = h.attach(ComplaintDao.class);
            ComplaintDao.ComplaintRow row = draftOf(h, caseId);
            if (row.version() != version) {
                throw ApiException.conflict("complaint_changed");
            }
            ComplaintDraft draft = openDraft(row);
            if (!draft.complete()) {
                throw ApiException.conflict("complaint_incomplete");
            }
            long now = clock.millis();
            String letter = ComplaintSeal.sealApproved(cipher, ComplaintLetter.draft(facts(h, row), draft), caseId,
                    row.id());
            if (complaints.approve(row.id(), version, letter, now) != 1) {
                throw ApiException.conflict("complaint_changed");
            }
            timeline(h, caseId, "complaint_approved", null, null, now);
            audit.append(h, AuditLog.Who.YOUNG_PERSON, "complaint.approved", caseId, row.id() + ":" + version);
            return youthView(h, complaints.forCase(caseId).orElseThrow(), language);
        });
    }

    public byte[] letterForYoungPerson(Actor.Device device, String caseId) {
        return db.read(h -> {
            ownCase(h, device, caseId);
            return letter(complaintOf(h, caseId));
        });
    }

    // The organisation's settings

    public ComplaintViews.Settings settings(Actor.Staff admin, String organisationId) {
        ownOrganisation(admin, organisationId);
        return db.read(h -> view(settingsOf(h, organisationId)));
    }

    public ComplaintViews.Settings saveSettings(Actor.Staff admin, String organisationId, ComplaintViews.Settings in) {
        ownOrganisation(admin, organisationId);
        List<FieldError> errors = new ArrayList<>();
        String name = TextRules.clean(in.letterheadName(), "letterheadName", 200, true, errors);
        List<String> lines = in.letterheadLines() == null ? List.of() : in.letterheadLines();
        if (lines.size() > 6) {
            errors.add(new FieldError("letterheadLines", "too_long"));
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < 6; i++) {
            String line = TextRules.clean(lines.get(i), "letterheadLines." + i, 200, true, errors);
            if (line != null && line.contains("\n")) {
                errors.add(new FieldError("letterheadLines." + i, "invalid_characters"));
            }
            clean.add(line);
        }
        if (in.committeeWeeks() < 1 || in.committeeWeeks() > 26) {
            errors.add(new FieldError("committeeWeeks", "invalid_value"));
        }
        if (in.freedomWeeks() < 1 || in.freedomWeeks() > 26) {
            errors.add(new FieldError("freedomWeeks", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            h.attach(ComplaintDao.class).saveSettings(new ComplaintDao.Settings(organisationId, name,
                    String.join("\n", clean), in.committeeWeeks(), in.freedomWeeks(), clock.millis()));
            audit.append(h, who(admin), "complaint.settings", null, organisationId);
            return view(settingsOf(h, organisationId));
        });
    }

    /** The demo organisation's letterhead, once (a letterhead changed in the demo stays). */
    public static void seedDemoLetterhead(Handle h, String organisationId, long now) {
        ComplaintDao complaints = h.attach(ComplaintDao.class);
        if (complaints.settings(organisationId).isEmpty()) {
            complaints.saveSettings(new ComplaintDao.Settings(organisationId, "Vertrouwenswerk Demo",
                    "Postbus 1234, 3500 AA Utrecht\nTelefoon 088 555 0100\nvertrouwenswerk-demo.example",
                    DEFAULT_COMMITTEE_WEEKS, DEFAULT_FREEDOM_WEEKS, now));
        }
    }

    // Shared

    /** The case, if this trust person handles it; otherwise 404, so ids tell nothing. */
    private static InboxDao.Handling handledBy(Handle h, Actor.Staff me, String caseId) {
        InboxDao.Handling c = h.attach(InboxDao.class).handling(caseId).orElseThrow(ApiException::notFound);
        if (c.erasedAt() != null || me.role() != Role.TRUST_PERSON || !me.staffId().equals(c.assignedStaffId())) {
            throw ApiException.notFound();
        }
        return c;
    }

    private static void ownCase(Handle h, Actor.Device device, String caseId) {
        h.attach(CaseDao.class).forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
    }

    private static void ownOrganisation(Actor.Staff admin, String organisationId) {
        if (!organisationId.equals(admin.organisationId())) {
            throw ApiException.notFound();
        }
    }

    private static ComplaintDao.ComplaintRow complaintOf(Handle h, String caseId) {
        return h.attach(ComplaintDao.class).forCase(caseId).orElseThrow(() -> ApiException.conflict("no_complaint"));
    }

    private static ComplaintDao.ComplaintRow draftOf(Handle h, String caseId) {
        ComplaintDao.ComplaintRow row = complaintOf(h, caseId);
        if (!"draft".equals(row.state())) {
            throw ApiException.conflict("complaint_sent_already");
        }
        return row;
    }

    private byte[] letter(ComplaintDao.ComplaintRow row) {
        if (row.letterEnc() == null) {
            throw ApiException.conflict("complaint_not_sent");
        }
        return Base64.getDecoder().decode(cipher.open(row.letterEnc(), row.caseId(), "complaintLetter", row.id()));
    }

    /** Writes a changed draft; a trust person's change to an approved letter goes on the young person's timeline. */
    private void save(Handle h, ComplaintDao.ComplaintRow row, ComplaintDraft draft, boolean byTrustPerson) {
        long now = clock.millis();
        if (h.attach(ComplaintDao.class).updateDraft(row.id(), sealDraft(draft, row.caseId(), row.id()),
                cipher.activeKeyId(), now) != 1) {
            throw ApiException.conflict("complaint_sent_already");
        }
        if (byTrustPerson && row.approved()) {
            timeline(h, row.caseId(), "complaint_changed", null, null, now);
        }
    }

    private void timeline(Handle h, String caseId, String type, String explanation, Long dueAt, long now) {
        String id = tokens.id();
        h.attach(CaseDao.class).insertEvent(new CaseDao.EventRow(id, caseId, 0, type, null,
                explanation == null ? null : cipher.activeKeyId(),
                explanation == null ? null : cipher.seal(explanation, caseId, "explanation", id), dueAt, now));
        h.attach(CaseDao.class).touch(caseId, now);
    }

    ComplaintLetter.Facts facts(Handle h, ComplaintDao.ComplaintRow row) {
        CaseDao.CaseRow c = h.attach(CaseDao.class).byId(row.caseId()).orElseThrow(ApiException::notFound);
        Optional<PlacesDao.Location> place = c.facts().locationId() == null ? Optional.empty()
                : h.attach(PlacesDao.class).location(c.facts().locationId());
        ComplaintDao complaints = h.attach(ComplaintDao.class);
        String staffId = c.assignedStaffId() != null ? c.assignedStaffId() : row.startedBy();
        return new ComplaintLetter.Facts(row.kind(), c.facts().topic(), c.facts().setting(), c.createdAt(),
                place.map(PlacesDao.Location::provider).orElse(null), place.map(PlacesDao.Location::name).orElse(null),
                settingsOf(h, row.organisationId()).letterheadName(),
                complaints.staffName(staffId).orElse(""));
    }

    private ComplaintDao.Settings settingsOf(Handle h, String organisationId) {
        ComplaintDao complaints = h.attach(ComplaintDao.class);
        return complaints.settings(organisationId).orElseGet(() -> new ComplaintDao.Settings(organisationId,
                complaints.organisationName(organisationId).orElse(""), "", DEFAULT_COMMITTEE_WEEKS,
                DEFAULT_FREEDOM_WEEKS, 0));
    }

    private ComplaintViews.ForTrustPerson staffView(Handle h, ComplaintDao.ComplaintRow row) {
        ComplaintDraft draft = openDraft(row);
        ComplaintLetter.Letter letter = "draft".equals(row.state()) ? ComplaintLetter.draft(facts(h, row), draft)
                : openApproved(row);
        List<ComplaintViews.StaffParagraph> paragraphs = letter.paragraphs().stream()
                .map(p -> new ComplaintViews.StaffParagraph(p.id(), p.heading(), p.text(), p.ownWords(),
                        draft.wording().containsKey(p.id()), texts.plain(Language.NL, p.plainKey())))
                .toList();
        Map<String, String> answers = new HashMap<>();
        put(answers, "whatNow", draft.whatNow());
        put(answers, "hearing", draft.hearing());
        put(answers, "companion", draft.companion());
        put(answers, "name", draft.name());
        put(answers, "fullName", draft.fullName());
        return new ComplaintViews.ForTrustPerson(row.id(), row.caseId(), row.kind(), row.version(), draft.complete(),
                row.approved(), instant(row.approvedAt()), answers, paragraphs, route(row));
    }

    private ComplaintViews.ForYoungPerson youthView(Handle h, ComplaintDao.ComplaintRow row, Language language) {
        ComplaintDraft draft = openDraft(row);
        ComplaintLetter.Letter letter = "draft".equals(row.state()) ? ComplaintLetter.draft(facts(h, row), draft)
                : openApproved(row);
        return texts.youthView(row, draft, letter, route(row), language);
    }

    private static ComplaintViews.Route route(ComplaintDao.ComplaintRow row) {
        return new ComplaintViews.Route(row.state(), instant(row.sentAt()), instant(row.committeeDueAt()),
                row.decision(), instant(row.decidedAt()), instant(row.measuresDueAt()), instant(row.measuresAt()));
    }

    private String sealDraft(ComplaintDraft draft, String caseId, String complaintId) {
        return ComplaintSeal.sealDraft(cipher, draft, caseId, complaintId);
    }

    private ComplaintDraft openDraft(ComplaintDao.ComplaintRow row) {
        return ComplaintSeal.openDraft(cipher, row);
    }

    private ComplaintLetter.Letter openApproved(ComplaintDao.ComplaintRow row) {
        return ComplaintSeal.openApproved(cipher, row);
    }

    private static ComplaintViews.Settings view(ComplaintDao.Settings s) {
        return new ComplaintViews.Settings(s.organisationId(), s.letterheadName(), lines(s.letterheadLines()),
                s.committeeWeeks(), s.freedomWeeks());
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private static void option(String value, String field, List<String> options, List<FieldError> errors) {
        if (value != null && !options.contains(value)) {
            errors.add(new FieldError(field, "unknown_option"));
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static AuditLog.Who who(Actor.Staff me) {
        return new AuditLog.Who(me.staffId(), me.role().stored());
    }
}
