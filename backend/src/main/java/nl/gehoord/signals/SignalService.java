package nl.gehoord.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.complaint.ComplaintService;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.http.Role;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.intake.TextRules;
import org.jdbi.v3.core.Handle;

/**
 * Signals: a structural abuse or unsafe situation at a location, recorded by a trust person in their own words and
 * linked to the cases it draws on; the report to the provider's management or the inspectorate (IGJ) without
 * anything that identifies a child; its sending, the answer and the answer's deadline. Staff of the organisation
 * see its signals; a suggestion appears when several cases of one location share a theme within a period.
 */
public final class SignalService {
    /**
     * The fixed themes in the order forms offer them, each with the case topic that counts towards it in a suggestion
     * (or none).
     */
    public static final Map<String, String> THEMES = themes(
            "freedom_restriction", "freedom",
            "physical_violence", "physical_violence",
            "psychological_violence", "verbal_violence",
            "sexual_boundary_crossing", "sexual",
            "unsafe_situation", "unsafe_situation",
            "no_help", "help_quality",
            "treatment", "treatment",
            "other", "");
    /** To whom a report goes: the provider's management or the inspectorate (IGJ). */
    public static final List<String> RECIPIENTS = List.of("provider", "inspectorate");
    public static final int MAX_TEXT = 4000;
    public static final int MAX_LINKS = 50;
    static final int MAX_LINKABLE = 200;
    static final Duration PERIOD = Duration.ofDays(90);
    static final int MINIMUM_CASES = 3;

    private final Database db;
    private final FieldCipher cipher;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public SignalService(Database db, FieldCipher cipher, Tokens tokens, AuditLog audit, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewSignal(String locationId, String theme, String text, List<String> caseIds) {
    }

    public SignalViews.Signal create(Actor.Staff me, NewSignal in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.locationId() == null) {
            errors.add(new FieldError("locationId", "required"));
        }
        if (in.theme() == null) {
            errors.add(new FieldError("theme", "required"));
        } else if (!THEMES.containsKey(in.theme())) {
            errors.add(new FieldError("theme", "unknown_option"));
        }
        String text = TextRules.clean(in.text(), "text", MAX_TEXT, true, errors);
        Set<String> caseIds = new LinkedHashSet<>(in.caseIds() == null ? List.of() : in.caseIds());
        if (caseIds.size() > MAX_LINKS) {
            errors.add(new FieldError("caseIds", "too_long"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            SignalDao signals = h.attach(SignalDao.class);
            if (signals.locationName(in.locationId(), me.organisationId()).isEmpty()) {
                throw ApiException.validation("locationId", "unknown_option");
            }
            for (String caseId : caseIds) {
                if (!mayLink(h, me, caseId)) {
                    throw ApiException.validation("caseIds", "unknown_option");
                }
            }
            long now = clock.millis();
            String id = tokens.id();
            signals.insert(new SignalDao.SignalRow(id, me.organisationId(), in.locationId(), in.theme(), me.staffId(),
                    cipher.activeKeyId(), cipher.seal(text, me.organisationId(), "signalText", id), null, null, null,
                    null, null, now, now));
            caseIds.forEach(caseId -> signals.link(id, caseId));
            audit.append(h, who(me), "signal.created", null, id);
            return view(h, signals.byId(id, me.organisationId()).orElseThrow());
        });
    }

    public SignalViews.SignalList list(Actor.Staff me) {
        return db.read(h -> new SignalViews.SignalList(h.attach(SignalDao.class).ofOrganisation(me.organisationId())
                .stream().map(row -> view(h, row)).toList()));
    }

    public SignalViews.Signal get(Actor.Staff me, String signalId) {
        return db.read(h -> view(h, signalOf(h, me, signalId)));
    }

    /** The report as it goes to the provider's management or the inspectorate. */
    public SignalViews.Report report(Actor.Staff me, String signalId, String recipient) {
        checkRecipient(recipient);
        return db.write(h -> {
            SignalViews.Report report = reportOf(h, signalOf(h, me, signalId), recipient);
            audit.append(h, who(me), "signal.report", null, signalId);
            return report;
        });
    }

    /**
     * The report as it is printed, for the staff page: dated today on the organisation's letterhead, made from the
     * JSON report alone, so it holds nothing the JSON does not. Reading it is audited like the JSON report.
     */
    public SignalViews.ReportDocument reportDocument(Actor.Staff me, String signalId, String recipient) {
        checkRecipient(recipient);
        return db.write(h -> {
            SignalViews.ReportDocument document = documentOf(h, signalOf(h, me, signalId), recipient);
            audit.append(h, who(me), "signal.report", null, signalId);
            return document;
        });
    }

    /** The same document as a tagged PDF; the download is audited. */
    public byte[] reportPdf(Actor.Staff me, String signalId, String recipient) {
        checkRecipient(recipient);
        return db.write(h -> {
            byte[] pdf = SignalReportPdf.render(documentOf(h, signalOf(h, me, signalId), recipient), clock.instant());
            audit.append(h, who(me), "signal.report_pdf", null, signalId);
            return pdf;
        });
    }

    private SignalViews.ReportDocument documentOf(Handle h, SignalDao.SignalRow row, String recipient) {
        return SignalReportPdf.document(ComplaintService.letterhead(h, row.organisationId()), reportOf(h, row,
                recipient), h.attach(SignalDao.class).provider(row.locationId(), row.organisationId()).orElse(""),
                clock.instant());
    }

    private static void checkRecipient(String recipient) {
        if (recipient != null && !RECIPIENTS.contains(recipient)) {
            throw ApiException.validation("recipient", "unknown_option");
        }
    }

    private SignalViews.Report reportOf(Handle h, SignalDao.SignalRow row, String recipient) {
        SignalDao signals = h.attach(SignalDao.class);
        List<SignalDao.LinkedCase> linked = signals.linkedCases(row.id());
        String from = linked.isEmpty() ? null : month(linked.get(0).createdAt());
        String to = linked.isEmpty() ? null : month(linked.get(linked.size() - 1).createdAt());
        return new SignalViews.Report(recipient == null ? "provider" : recipient,
                signals.organisationName(row.organisationId()).orElse(""),
                signals.locationName(row.locationId(), row.organisationId()).orElse(""), row.theme(),
                cipher.open(row.textEnc(), row.organisationId(), "signalText", row.id()), linked.size(), from, to,
                Instant.ofEpochMilli(row.createdAt()));
    }

    /** The report went to the provider or the inspectorate, with the date by which an answer is due. */
    public SignalViews.Signal markSent(Actor.Staff me, String signalId, String recipient, Instant answerDueBy) {
        List<FieldError> errors = new ArrayList<>();
        if (recipient == null) {
            errors.add(new FieldError("recipient", "required"));
        } else if (!RECIPIENTS.contains(recipient)) {
            errors.add(new FieldError("recipient", "unknown_option"));
        }
        long now = clock.millis();
        if (answerDueBy == null) {
            errors.add(new FieldError("answerDueBy", "required"));
        } else if (answerDueBy.toEpochMilli() <= now) {
            errors.add(new FieldError("answerDueBy", "invalid_value"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            SignalDao.SignalRow row = signalOf(h, me, signalId);
            if (h.attach(SignalDao.class).markSent(row.id(), recipient, answerDueBy.toEpochMilli(), now) != 1) {
                throw ApiException.conflict("signal_sent_already");
            }
            audit.append(h, who(me), "signal.sent", null, row.id());
            return view(h, signalOf(h, me, signalId));
        });
    }

    /** The provider's answer, in the trust person's summary. */
    public SignalViews.Signal answer(Actor.Staff me, String signalId, String text) {
        List<FieldError> errors = new ArrayList<>();
        String answer = TextRules.clean(text, "text", MAX_TEXT, true, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return db.write(h -> {
            SignalDao.SignalRow row = signalOf(h, me, signalId);
            if (h.attach(SignalDao.class).markAnswered(row.id(), cipher.seal(answer, row.organisationId(),
                    "signalAnswer", row.id()), cipher.activeKeyId(), clock.millis()) != 1) {
                throw ApiException.conflict("signal_not_sent");
            }
            audit.append(h, who(me), "signal.answer", null, row.id());
            return view(h, signalOf(h, me, signalId));
        });
    }

    /**
     * Locations where several cases share a theme within the period and no signal was made for it: shown to the
     * trust persons who handle one of those cases or visit the location, and to coordinators.
     */
    public SignalViews.Suggestions suggestions(Actor.Staff me) {
        long now = clock.millis();
        long since = now - PERIOD.toMillis();
        return db.read(h -> {
            SignalDao signals = h.attach(SignalDao.class);
            List<String> topics = THEMES.values().stream().filter(t -> !t.isEmpty()).toList();
            List<SignalViews.Suggestion> out = new ArrayList<>();
            for (SignalDao.Cluster c : signals.clusters(me.organisationId(), topics, since, MINIMUM_CASES)) {
                String theme = THEMES.entrySet().stream().filter(e -> e.getValue().equals(c.topic()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                boolean forMe = me.role() == Role.COORDINATOR
                        || signals.isLocationTrustPerson(c.locationId(), me.staffId())
                        || signals.handlesOne(me.organisationId(), c.locationId(), c.topic(), since, me.staffId());
                if (forMe && !signals.recentSignal(me.organisationId(), c.locationId(), theme, since)) {
                    out.add(new SignalViews.Suggestion(c.locationId(), signals.locationName(c.locationId(),
                            me.organisationId()).orElse(""), theme, c.cases(), Instant.ofEpochMilli(c.firstAt()),
                            Instant.ofEpochMilli(c.lastAt())));
                }
            }
            return new SignalViews.Suggestions((int) PERIOD.toDays(), MINIMUM_CASES, out);
        });
    }

    /** The organisation's care locations, for choosing where a signal is about. */
    public List<SignalDao.Place> places(Actor.Staff me) {
        return db.read(h -> h.attach(SignalDao.class).places(me.organisationId()));
    }

    /** The cases this staff member may link to a signal (see {@link #mayLink}), newest first. */
    public List<SignalDao.Linkable> linkable(Actor.Staff me) {
        boolean coordinator = me.role() == Role.COORDINATOR;
        return db.read(h -> h.attach(SignalDao.class).linkable(me.organisationId(), coordinator ? null : me.staffId(),
                coordinator ? me.teamId() : null, coordinator && me.teamId() == null, MAX_LINKABLE));
    }

    /** A trust person links cases they handle; a coordinator the cases of their team. */
    private static boolean mayLink(Handle h, Actor.Staff me, String caseId) {
        return h.attach(InboxDao.class).handling(caseId).filter(c -> c.erasedAt() == null)
                .filter(c -> c.organisationId().equals(me.organisationId()))
                .filter(c -> me.role() == Role.COORDINATOR ? me.teamId() == null || me.teamId().equals(c.teamId())
                        : me.staffId().equals(c.assignedStaffId()))
                .isPresent();
    }

    private static SignalDao.SignalRow signalOf(Handle h, Actor.Staff me, String signalId) {
        return h.attach(SignalDao.class).byId(signalId, me.organisationId()).orElseThrow(ApiException::notFound);
    }

    private SignalViews.Signal view(Handle h, SignalDao.SignalRow row) {
        SignalDao signals = h.attach(SignalDao.class);
        long now = clock.millis();
        String state = row.answeredAt() != null ? "answered" : row.sentAt() == null ? "draft"
                : row.answerDueAt() != null && row.answerDueAt() < now ? "overdue" : "sent";
        return new SignalViews.Signal(row.id(), row.locationId(), signals.locationName(row.locationId(),
                row.organisationId()).orElse(""), row.theme(), cipher.open(row.textEnc(), row.organisationId(),
                "signalText", row.id()), signals.linkedCases(row.id()).size(), row.createdBy(),
                Instant.ofEpochMilli(row.createdAt()), row.recipient(), instant(row.sentAt()),
                instant(row.answerDueAt()), instant(row.answeredAt()), row.answerEnc() == null ? null
                : cipher.open(row.answerEnc(), row.organisationId(), "signalAnswer", row.id()), state);
    }

    private static String month(long millis) {
        return YearMonth.from(Instant.ofEpochMilli(millis).atZone(CaseTexts.ZONE)).toString();
    }

    private static Map<String, String> themes(String... pairs) {
        Map<String, String> themes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            themes.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(themes);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static AuditLog.Who who(Actor.Staff me) {
        return new AuditLog.Who(me.staffId(), me.role().stored());
    }
}
