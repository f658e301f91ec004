package nl.gehoord.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.ReceiptCodes;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.db.Dialect;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEvents;
import nl.gehoord.events.CaseSnapshot;
import nl.gehoord.sla.Deadlines;
import nl.gehoord.sla.DueDates;
import nl.gehoord.sla.SlaPolicy;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Json;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.safety.DangerPhrases;
import nl.gehoord.text.Language;
import nl.gehoord.text.Wording;
import org.jdbi.v3.core.Handle;

/** A young person's cases: create, read, talk, claim on a new phone, withdraw, export and erase. */
public final class CaseService {
    public static final int PAGE_SIZE = 100;
    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_FEEDBACK = 1000;

    private final Database db;
    private final FieldCipher cipher;
    private final SecretHasher hasher;
    private final ReceiptCodes codes;
    private final Tokens tokens;
    private final AnswerValidator validator;
    private final CaseRouter router;
    private final CaseTexts texts;
    private final ContentCatalog content;
    private final CaseEvents events;
    private final ComplaintForExport complaint;
    private final CaseContent sealed;
    private final Clock clock;

    public CaseService(Database db, FieldCipher cipher, SecretHasher hasher, ReceiptCodes codes, Tokens tokens,
                       AnswerValidator validator, CaseRouter router, CaseTexts texts, ContentCatalog content,
                       CaseEvents events, ComplaintForExport complaint, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.hasher = hasher;
        this.codes = codes;
        this.tokens = tokens;
        this.validator = validator;
        this.router = router;
        this.texts = texts;
        this.content = content;
        this.events = events;
        this.complaint = complaint;
        this.sealed = new CaseContent(cipher);
        this.clock = clock;
    }

    /**
     * Creates a case, or returns the one this device already made with the same idempotency key. A retry gets its
     * case even if the flow changed in between: a body that no longer passes is checked against the key first, and
     * a valid one finds the key taken when it is stored (the new case is then rolled back).
     */
    public CaseViews.Created create(Actor.Device device, String idempotencyKey, NewCaseRequest request,
                                    Language language) {
        String keyHash = SecretHasher.sha256(idempotencyKey);
        // Keyed: the digest of a request holds its story and contact, so a plain hash would confirm a guess.
        String requestHash = hasher.hmac("idempotent-request:" + canonical(request));
        String erasedTag = erasedTag(device.deviceId(), keyHash);
        CaseDao.NewCaseContext[] context = new CaseDao.NewCaseContext[1];
        AnswerValidator.ValidCase valid;
        try {
            valid = db.read(h -> validator.validate(request, places(h, request, context)));
        } catch (ApiException e) {
            Optional<CaseViews.Created> earlier = db.read(h -> replay(h, device, keyHash, requestHash, language));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw e;
        }
        CaseDao.NewCaseContext places = context[0] != null ? context[0]
                : db.read(h -> CaseDao.newCaseContext(h, valid.region(), valid.locationId()))
                        .orElseThrow(() -> new IllegalStateException("region checked before"));
        String provider = valid.locationId() == null ? null : places.provider();
        SlaPolicy policy = places.firstResponseWorkingDays() == null ? SlaPolicy.defaults()
                : new SlaPolicy(places.firstResponseWorkingDays(), places.urgentFirstResponseMinutes(),
                        places.nextResponseWorkingDays(), places.resolutionWorkingDays());
        // Everything that needs no other writer's result is made before the single writer runs: the ids, the
        // receipt and every sealed field. The writer runs only the statements themselves.
        String caseId = tokens.id();
        String receivedEventId = tokens.id();
        String assignedEventId = tokens.id();
        String code = codes.next();
        String codeHmac = hasher.hmac(code);
        String keyId = cipher.activeKeyId();
        Map<String, Object> about = valid.locationId() == null && valid.aboutText() == null ? null
                : mapOf("locationId", valid.locationId(), "text", valid.aboutText());
        String answersEnc = sealed.sealJson(valid.answers(), caseId, "answers");
        String storyEnc = cipher.seal(valid.story(), caseId, "story");
        String aboutEnc = sealed.sealJson(about, caseId, "about");
        String contactEnc = sealed.sealJson(valid.contact(), caseId, "contact");
        String codeEnc = cipher.seal(code, caseId, "caseCode");
        CaseRouter.Request routing = new CaseRouter.Request(caseId, valid.kind(), valid.topic(), valid.setting(),
                valid.region(), valid.locationId(), valid.urgent(), places.organisationId());
        Stored stored;
        try {
            stored = db.write(h -> {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    // SQLite's single writer already orders the two; PostgreSQL's writers run side by side.
                    h.attach(DeviceDao.class).lock(device.deviceId());
                }
                // The clock is read by the writer so timestamps follow the order in which cases are stored.
                long now = clock.millis();
                CaseRouter.Decision decision = router.route(h, routing);
                String staffId = decision.assignedStaffId();
                CaseStatus status = staffId == null ? CaseStatus.RECEIVED : CaseStatus.ASSIGNED;
                Deadlines deadlines = DueDates.forNewCase(policy, now, valid.urgent());
                long firstDue = deadlines.firstResponseDueAt();
                CaseDao.insertNew(h, new CaseDao.NewCase(caseId, codeHmac, decision.organisationId(), decision.teamId(),
                        valid.kind(), valid.topic(), valid.setting(), valid.region(), valid.ageBand(),
                        valid.locationId(), valid.contactPreference(), valid.urgent(), status, valid.flowVersion(),
                        staffId, keyId, answersEnc, storyEnc, aboutEnc, contactEnc, now, firstDue,
                        deadlines.resolutionDueAt(), deadlines.earliest(true)));
                CaseDao.link(h, new CaseDao.DeviceLink(caseId, device.deviceId(), now));
                if (staffId == null) {
                    CaseDao.insertReceived(h, receivedEventId, caseId, firstDue, now);
                } else {
                    CaseDao.insertReceivedAndAssigned(h, receivedEventId, assignedEventId, caseId, firstDue, now);
                }
                if (CaseDao.insertIdempotencyIfNew(h, new CaseDao.IdempotencyRow(device.deviceId(), keyHash, requestHash,
                        caseId, codeEnc, now), erasedTag) == 0) {
                    throw new EarlierRequest();
                }
                CaseSnapshot snapshot = new CaseSnapshot(caseId, decision.organisationId(), decision.teamId(), staffId,
                        status.code(), valid.urgent(), valid.topic(), valid.setting(), valid.region(), valid.ageBand(),
                        provider, now, firstDue, List.of(device.deviceId()), true);
                events.publish(h, staffId == null
                        ? List.of(new CaseEvent(CaseEvent.Type.RECEIVED, caseId, null, snapshot))
                        : List.of(new CaseEvent(CaseEvent.Type.RECEIVED, caseId, null, snapshot),
                                new CaseEvent(CaseEvent.Type.ASSIGNED, caseId, staffId, snapshot)));
                return new Stored(status, firstDue, now);
            });
        } catch (EarlierRequest e) {
            return db.read(h -> replay(h, device, keyHash, requestHash, language)).orElseThrow(ApiException::notFound);
        }
        // The answer's texts are made after the single writer has moved on to the next request.
        return created(caseId, code, stored.status(), valid.urgent(), stored.firstDue(), stored.createdAt(), language);
    }

    /** What the writer decided for a new case: the rest of the answer is known before it runs. */
    private record Stored(CaseStatus status, long firstDue, long createdAt) {
    }

    /** The key was taken (a retry or a race) or erased meanwhile: the new case is rolled back. */
    private static final class EarlierRequest extends RuntimeException {
        EarlierRequest() {
            super(null, null, false, false);
        }
    }

    /** The answer to an earlier request with the same key, if there was one. An erased case stays gone. */
    private Optional<CaseViews.Created> replay(Handle h, Actor.Device device, String keyHash, String requestHash,
                                               Language language) {
        CaseDao cases = h.attach(CaseDao.class);
        Optional<CaseDao.IdempotencyRow> earlier = cases.idempotency(device.deviceId(), keyHash);
        if (earlier.isEmpty()) {
            if (cases.isErasedRequest(erasedTag(device.deviceId(), keyHash))) {
                throw ApiException.notFound();
            }
            return Optional.empty();
        }
        CaseDao.CaseRow row = cases.byId(earlier.get().caseId()).orElseThrow(ApiException::notFound);
        if (row.erasedAt() != null || earlier.get().caseCodeEnc() == null) {
            throw ApiException.notFound();
        }
        if (!earlier.get().requestHash().equals(CaseDao.UNKEYED_REQUEST)
                && !earlier.get().requestHash().equals(requestHash)) {
            throw ApiException.validation("Idempotency-Key", "idempotency_key_reused");
        }
        String code = cipher.open(earlier.get().caseCodeEnc(), row.id(), "caseCode");
        return Optional.of(created(row, code, language));
    }

    /** Names an erased request without naming the phone or the case; only that phone's retry can reproduce it. */
    private String erasedTag(String deviceId, String keyHash) {
        return hasher.hmac("erased-request:" + deviceId + ":" + keyHash);
    }

    /**
     * The places of a new case, read in one query with its organisation's time limits ({@code found} keeps the row for
     * the caller).
     */
    private static AnswerValidator.Places places(Handle h, NewCaseRequest request, CaseDao.NewCaseContext[] found) {
        String named = request.about() == null ? null : request.about().locationId();
        String locationId = named != null && named.matches("[A-Za-z0-9-]{1,64}") ? named : null;
        return new AnswerValidator.Places() {
            @Override
            public boolean regionExists(String regionCode) {
                found[0] = CaseDao.newCaseContext(h, regionCode, locationId).orElse(null);
                return found[0] != null;
            }

            @Override
            public Optional<String> regionOf(String location) {
                if (found[0] != null && location.equals(locationId)) {
                    return Optional.ofNullable(found[0].locationRegion());
                }
                return h.attach(PlacesDao.class).location(location).map(PlacesDao.Location::regionCode);
            }
        };
    }

    private CaseViews.Created created(CaseDao.CaseRow row, String code, Language language) {
        return created(row.id(), code, row.status(), row.urgent(), row.firstResponseDueAt(), row.createdAt(), language);
    }

    private CaseViews.Created created(String caseId, String code, CaseStatus status, boolean urgent, long firstDue,
                                      long createdAt, Language language) {
        Wording w = new Wording(language);
        Instant due = Instant.ofEpochMilli(firstDue);
        String statusText = texts.status(w, status);
        List<String> next = texts.nextStepsAfterCreate(w, urgent, due);
        var help = urgent ? content.helpContacts(w) : null;
        return new CaseViews.Created(caseId, code, status, statusText, urgent, next, due,
                Instant.ofEpochMilli(createdAt), help, w.info());
    }

    public CaseViews.CaseList list(Actor.Device device, Language language) {
        Wording all = new Wording(language);
        List<CaseViews.Summary> summaries = db.read(h -> h.attach(CaseDao.class).allForDevice(device.deviceId())
                .stream().map(row -> summary(row, language)).toList());
        summaries.forEach(s -> all.include(s.textInfo()));
        return new CaseViews.CaseList(summaries, all.info());
    }

    public CaseViews.Summary summary(CaseDao.CaseRow row, Language language) {
        Wording w = new Wording(language);
        return new CaseViews.Summary(row.id(), row.facts().kind(), row.status(), texts.status(w, row.status()),
                row.urgent(), Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.updatedAt()), w.info());
    }

    public CaseViews.Detail detail(Actor.Device device, String caseId, Language language) {
        return db.read(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            List<CaseDao.EventRow> events = cases.events(caseId);
            List<CaseViews.MessageView> thread = sealed.page(h, caseId, 0);
            Wording w = new Wording(language);
            String statusText = texts.status(w, row.status());
            List<CaseViews.TimelineEntry> timeline = texts.timeline(w, events);
            CaseViews.NextStep next = texts.nextStep(w, row, events);
            var help = row.urgent() ? content.helpContacts(w) : null;
            return new CaseViews.Detail(row.id(), row.facts().kind(), row.status(), statusText,
                    row.urgent(), Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.updatedAt()),
                    timeline, next, thread, help, w.info());
        });
    }

    public CaseViews.MessageView postMessage(Actor.Device device, String caseId, String text) {
        List<FieldError> errors = new ArrayList<>();
        String body = TextRules.clean(text, "text", MAX_MESSAGE, true, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        boolean dangerWords = DangerPhrases.standard().anyIn(List.of(body));
        return db.write(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            if (!row.status().isOpen()) {
                throw ApiException.conflict("case_closed");
            }
            long now = clock.millis();
            if (dangerWords && !row.urgent()) {
                // Words of danger later in the conversation make the case urgent from now on; the SLA then
                // brings every answer still waited for within the organisation's urgent time.
                cases.markUrgent(caseId, now);
            }
            CaseViews.MessageView message = sealed.addMessage(h, tokens.id(), caseId, "young_person", null, body, now);
            cases.touch(caseId, now);
            events.publish(h, CaseEvent.of(CaseEvent.Type.YOUNG_PERSON_MESSAGE, caseId));
            return message;
        });
    }

    public CaseViews.MessagePage messages(Actor.Device device, String caseId, int after) {
        return db.read(h -> {
            h.attach(CaseDao.class).forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            List<CaseViews.MessageView> page = sealed.page(h, caseId, after);
            Integer next = page.size() == PAGE_SIZE ? page.get(page.size() - 1).seq() : null;
            return new CaseViews.MessagePage(page, next);
        });
    }

    /**
     * Links a case to this device by its receipt code. A wrong code and an unknown case look the same. The phones
     * already linked get a neutral push, so a claim by someone else does not go unnoticed.
     */
    public CaseViews.Summary claim(Actor.Device device, String caseCode, Language language) {
        Optional<String> normalised = ReceiptCodes.normalise(caseCode);
        if (normalised.isEmpty()) {
            throw new ApiException(404, "claim_failed");
        }
        String hmac = hasher.hmac(normalised.get());
        return db.write(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.byCodeHmac(hmac).orElseThrow(() -> new ApiException(404, "claim_failed"));
            if (cases.forDevice(row.id(), device.deviceId()).isEmpty()) {
                // Published before the new link exists, so the push reaches only the phones that were there.
                events.publish(h, CaseEvent.of(CaseEvent.Type.DEVICE_LINKED, row.id()));
                CaseDao.link(h, new CaseDao.DeviceLink(row.id(), device.deviceId(), clock.millis()));
            }
            return summary(row, language);
        });
    }

    public CaseViews.Detail withdraw(Actor.Device device, String caseId, Language language) {
        db.writeVoid(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            if (!row.status().isOpen()) {
                throw ApiException.conflict("case_not_open");
            }
            long now = clock.millis();
            cases.updateStatus(caseId, CaseStatus.WITHDRAWN, now, now);
            addEvent(cases, caseId, "withdrawn", CaseStatus.WITHDRAWN, null, now);
            events.publish(h, CaseEvent.of(CaseEvent.Type.WITHDRAWN, caseId));
        });
        return detail(device, caseId, language);
    }

    /**
     * Erases everything the young person told us: answers, story, about, contact, messages, explanations,
     * feedback text, the receipt and every device link. What stays are the coded facts that anonymous statistics
     * count (kind, topic, setting, region, age band, status, dates); they no longer lead to anyone.
     */
    public void erase(Actor.Device device, String caseId) {
        db.writeVoid(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            long now = clock.millis();
            for (String keyHash : cases.idempotencyKeysOf(caseId, device.deviceId())) {
                cases.insertErasedRequest(erasedTag(device.deviceId(), keyHash), now);
            }
            eraseContent(h, row, now, events);
        });
        // After the commit, outside the writer's lock, and before the erasure is reported done.
        db.purgeLog();
    }

    /**
     * Shared by the young person's erase and the retention job. It publishes {@link CaseEvent.Type#ERASED} itself:
     * other features erase what they hold (internal notes, waiting pushes) on that event, so an erasure that
     * forgot to publish it would leave their part behind.
     */
    public static void eraseContent(Handle h, CaseDao.CaseRow row, long now, CaseEvents events) {
        CaseDao cases = h.attach(CaseDao.class);
        if (row.status().isOpen()) {
            cases.updateStatus(row.id(), CaseStatus.WITHDRAWN, now, now);
        }
        h.attach(MessageDao.class).deleteAll(row.id());
        cases.eraseEventTexts(row.id());
        cases.eraseFeedbackText(row.id());
        cases.forgetIdempotency(row.id());
        cases.unlinkAll(row.id());
        cases.eraseContent(row.id(), now);
        events.publish(h, CaseEvent.of(CaseEvent.Type.ERASED, row.id()));
    }

    public CaseViews.Export export(Actor.Device device, String caseId, Language language) {
        return db.read(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            CaseDao.Sealed enc = row.sealed();
            CaseDao.Facts facts = row.facts();
            Map<String, String> answers = sealed.openJson(enc.answersEnc(), row.id(), "answers", new TypeReference<>() { });
            Map<String, String> about = sealed.openJson(enc.aboutEnc(), row.id(), "about", new TypeReference<>() { });
            NewCaseRequest.Contact contact = sealed.openJson(enc.contactEnc(), row.id(), "contact",
                    new TypeReference<>() { });
            CaseViews.ExportAbout exportAbout = null;
            if (about != null) {
                String locationName = h.attach(PlacesDao.class).locationName(facts.locationId()).orElse(null);
                exportAbout = new CaseViews.ExportAbout(about.get("locationId"), locationName, about.get("text"));
            }
            CaseViews.ExportCase data = new CaseViews.ExportCase(row.id(), facts.kind(), row.status(), row.urgent(),
                    facts.topic(), facts.setting(), facts.regionCode(), facts.ageBand(), answers,
                    cipher.open(enc.storyEnc(), row.id(), "story"), exportAbout, contact, facts.contactPreference(),
                    Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.updatedAt()));
            List<CaseViews.MessageView> thread = sealed.thread(h, caseId);
            CaseViews.ExportFeedback feedback = cases.feedback(caseId)
                    .map(f -> new CaseViews.ExportFeedback(f.score(), cipher.open(f.textEnc(), caseId, "feedback"),
                            Instant.ofEpochMilli(f.createdAt())))
                    .orElse(null);
            List<CaseViews.ExportDevice> devices = cases.links(caseId).stream()
                    .map(l -> new CaseViews.ExportDevice(l.deviceId(), Instant.ofEpochMilli(l.linkedAt()))).toList();
            Wording w = new Wording(language);
            Map<String, String> headings = texts.exportHeadings(w);
            List<CaseViews.TimelineEntry> timeline = texts.timeline(w, cases.events(caseId));
            return new CaseViews.Export(clock.instant(), headings, data, thread, timeline,
                    complaint.of(h, caseId, w).orElse(null), feedback, devices, w.info());
        });
    }

    public void feedback(Actor.Device device, String caseId, Integer score, String text) {
        List<FieldError> errors = new ArrayList<>();
        if (score == null) {
            errors.add(new FieldError("score", "required"));
        } else if (score < 1 || score > 5) {
            errors.add(new FieldError("score", "out_of_range"));
        }
        String clean = TextRules.clean(text, "text", MAX_FEEDBACK, false, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        db.writeVoid(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            CaseDao.CaseRow row = cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            if (row.status().isOpen()) {
                throw ApiException.conflict("case_not_closed");
            }
            if (cases.feedback(caseId).isPresent()) {
                throw ApiException.conflict("feedback_exists");
            }
            cases.insertFeedback(new CaseDao.FeedbackRow(caseId, score, clean == null ? null : cipher.activeKeyId(),
                    cipher.seal(clean, caseId, "feedback"), clock.millis()));
        });
    }

    private void addEvent(CaseDao cases, String caseId, String type, CaseStatus status, Long dueAt, long now) {
        cases.insertEvent(new CaseDao.EventRow(tokens.id(), caseId, 0, type, status, null, null, dueAt, now));
    }

    private static String canonical(NewCaseRequest request) {
        try {
            return Json.mapper().writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (v1 != null) {
            map.put(k1, v1);
        }
        if (v2 != null) {
            map.put(k2, v2);
        }
        return map;
    }
}
