package nl.gehoord.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.audit.AuditDao;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestLog;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;
import nl.gehoord.text.Wording;
import nl.gehoord.pdf.TaggedPdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The formal complaint through real HTTP: the trust person starts it, the young person answers and approves an
 * exact version, a change after approval keeps the letter from being sent until it is approved again, and the
 * sent letter is a tagged PDF with every element a complaints committee needs, readable by the case's young
 * person and its trust person only. Erasing the case removes the letter.
 */
class FormalComplaintTest {
    private static TestServer server;
    private static ApiClient api;

    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @BeforeAll
    static void start() {
        server = SHARED.server();
        api = server.client();
    }

    /** A case with a formal complaint started by the demo trust person. */
    record Started(String caseId, ApiClient phone, ApiClient trust) {
    }

    static Started started(String story, String kind) {
        ApiClient phone = Journeys.newDevice(api);
        String caseId = Journeys.submitCase(phone, story);
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse begun = trust.post("/v1/inbox/" + caseId + "/complaint", Map.of("kind", kind));
        assertThat(begun.status()).as(begun.toString()).isEqualTo(201);
        return new Started(caseId, phone, trust);
    }

    static Map<String, Object> answers(String whatNow, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("whatNow", whatNow);
        body.put("hearing", "yes");
        body.put("companion", "trust_person");
        body.put("name", name == null ? "via_trust_person" : "in_letter");
        if (name != null) {
            body.put("fullName", name);
        }
        return body;
    }

    static int approve(Started s) {
        int version = s.phone().get("/v1/cases/" + s.caseId() + "/complaint").json().path("version").asInt();
        ApiResponse approved = s.phone().post("/v1/cases/" + s.caseId() + "/complaint/approval",
                Map.of("version", version));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return version;
    }

    @Test
    void aChangeAfterApprovalKeepsTheLetterFromBeingSentUntilTheYoungPersonApprovesAgain() throws IOException {
        Started s = started("De groepsleiding pakte mijn telefoon af. Ik mocht een week niet bellen.", "committee");
        String caseId = s.caseId();

        // The young person sees the extra questions and every paragraph beside its plain version.
        JsonNode view = s.phone().get("/v1/cases/" + caseId + "/complaint").json();
        assertThat(view.path("complete").asBoolean()).isFalse();
        assertThat(view.path("questions").findValuesAsText("id")).contains("whatNow", "hearing", "companion", "name",
                "story");
        assertThat(view.path("paragraphs")).hasSize(ComplaintLetter.PARTS.size());
        for (JsonNode p : view.path("paragraphs")) {
            assertThat(p.path("plain").asText()).startsWith("Dit deel zegt");
            assertThat(p.path("letterText").asText()).isNotBlank();
        }
        assertThat(s.phone().post("/v1/cases/" + caseId + "/complaint/approval", Map.of("version",
                view.path("version").asInt())).text("code")).as("questions unanswered").isEqualTo("complaint_incomplete");

        ApiResponse answered = s.phone().put("/v1/cases/" + caseId + "/complaint",
                answers("Ik wil mijn moeder weer elke dag bellen.", "Mila Jansen"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("complete").asBoolean()).isTrue();
        int first = approve(s);
        assertThat(s.trust().get("/v1/inbox/" + caseId + "/complaint").json().path("approved").asBoolean()).isTrue();

        // The trust person changes one word of the formal wording after approval.
        String reworded = "De klacht gaat over Stichting De Linde, locatie Groep De Kastanje. De klager woont daar.";
        ApiResponse change = s.trust().put("/v1/inbox/" + caseId + "/complaint/wording",
                Map.of("paragraphs", Map.of("about", reworded)));
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(change.json().path("approved").asBoolean()).isFalse();
        ApiResponse refused = s.trust().post("/v1/inbox/" + caseId + "/complaint/send", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("complaint_not_approved");
        assertThat(s.trust().download("/v1/inbox/" + caseId + "/complaint/letter.pdf").status())
                .as("nothing was sent, so there is no letter").isEqualTo(409);

        // The young person is told to look again; approving what they saw before does not count.
        JsonNode detail = s.phone().get("/v1/cases/" + caseId).json();
        assertThat(detail.path("timeline").findValuesAsText("type")).contains("complaint_approved", "complaint_changed");
        assertThat(s.phone().post("/v1/cases/" + caseId + "/complaint/approval", Map.of("version", first))
                .text("code")).isEqualTo("complaint_changed");
        int second = approve(s);
        assertThat(second).isGreaterThan(first);

        ApiResponse sent = s.trust().post("/v1/inbox/" + caseId + "/complaint/send", Map.of());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.text("state")).isEqualTo("sent");
        Instant due = Instant.parse(sent.text("committeeDueBy"));
        assertThat(due).as("six weeks, the organisation's setting").isEqualTo(TestServer.START.plus(Duration.ofDays(42)));
        assertThat(s.phone().put("/v1/cases/" + caseId + "/complaint", Map.of("whatNow", "Iets anders.")).text("code"))
                .as("a sent letter no longer changes").isEqualTo("complaint_sent_already");

        // The case is with the committee, with its deadline on the young person's timeline.
        detail = s.phone().get("/v1/cases/" + caseId).json();
        assertThat(detail.path("status").asText()).isEqualTo("formal_complaint");
        JsonNode last = detail.path("timeline").get(detail.path("timeline").size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("complaint_sent");
        assertThat(Instant.parse(last.path("dueBy").asText())).isEqualTo(due);

        // The PDF: every element, only approved words, tagged for a screen reader.
        ApiResponse pdf = s.phone().download("/v1/cases/" + caseId + "/complaint/letter.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Cache-Control")).isEqualTo("no-store");
        assertThat(s.trust().download("/v1/inbox/" + caseId + "/complaint/letter.pdf").bytes()).isEqualTo(pdf.bytes());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(
                    "Vertrouwenswerk Demo", "Postbus 1234", // the letterhead from the organisation's settings
                    "Aan de klachtencommissie van Stichting De Linde",
                    "artikel 4.2.1", // the legal ground
                    "Mila Jansen", "alleen bekend is bij de klachtencommissie", // who complains, name to the committee only
                    reworded, // provider and location, in the approved rewording
                    "De groepsleiding pakte mijn telefoon af", "23 november 2026", // what happened and when
                    "het beperken van de vrijheid", // what the complaint is
                    "Ik wil mijn moeder weer elke dag bellen.", // what they ask for
                    "gehoord", "De vertrouwenspersoon komt mee", // hearing and who comes along
                    "Sam de Vries", "onafhankelijke vertrouwenspersoon"); // the trust person's support
            assertThat(text).as("the wording before the change was not approved last")
                    .doesNotContain("De klager verblijft daar in de vorm van zorg");
            assertTagged(doc);
        }

        // The committee decides; the provider's measures are due a month later.
        ApiResponse decided = s.trust().post("/v1/inbox/" + caseId + "/complaint/decision",
                Map.of("outcome", "upheld", "decidedOn", "2026-11-23"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.text("measuresDueBy")).isEqualTo("2026-12-23T16:00:00Z");
        assertThat(s.trust().post("/v1/inbox/" + caseId + "/complaint/measures", Map.of()).status()).isEqualTo(200);
        List<String> types = s.phone().get("/v1/cases/" + caseId).json().path("timeline").findValuesAsText("type");
        assertThat(types).contains("complaint_started", "complaint_sent", "committee_upheld", "provider_measures");
        JsonNode english = s.phone().english().get("/v1/cases/" + caseId).json().path("timeline");
        assertThat(english.toString()).contains("The board says: you are right.");

        // Approvals and the sending are in the audit log.
        List<String> actions = server.app().database().read(h -> h.attach(AuditDao.class).forCase(caseId)).stream()
                .map(AuditDao.Entry::action).toList();
        assertThat(actions).contains("complaint.started", "complaint.approved", "complaint.wording", "complaint.sent",
                "complaint.decision", "complaint.measures", "complaint.letter_read");
        assertThat(actions.stream().filter("complaint.approved"::equals).count()).isEqualTo(2);
    }

    @Test
    void aFreedomRestrictionIsDecidedWithinFourWeeksAndTheNameCanStayWithTheTrustPerson() throws IOException {
        Started s = started("Ik moest twee dagen op mijn kamer blijven.", "freedom_restriction");
        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", answers("Ik wil dat dit stopt.", null));
        approve(s);
        ApiResponse sent = s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of());
        assertThat(Instant.parse(sent.text("committeeDueBy"))).isEqualTo(TestServer.START.plus(Duration.ofDays(28)));
        try (PDDocument doc = Loader.loadPDF(s.phone().download("/v1/cases/" + s.caseId()
                + "/complaint/letter.pdf").bytes())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("artikel 6.5.1", "vrijheidsbeperkende maatregel",
                    "De vertrouwenspersoon geeft de naam op verzoek aan de commissie");
        }
    }

    private static final Messages MESSAGES = new Messages();

    /**
     * After each step of the route, in every language: the newest timeline entry is that step's, and what the
     * young person reads under "what happens now" is the text for that step, with its date where it has one.
     */
    private static void assertStep(Started s, String entryType, String nextKey) {
        for (Language language : Language.values()) {
            JsonNode detail = s.phone().header("Accept-Language", language.tag()).get("/v1/cases/" + s.caseId())
                    .json();
            JsonNode timeline = detail.path("timeline");
            JsonNode last = timeline.get(timeline.size() - 1);
            assertThat(last.path("type").asText()).as(language + " " + entryType).isEqualTo(entryType);
            String base = "timeline." + entryType;
            assertThat(last.path("title").asText()).isEqualTo(MESSAGES.get(language, base + ".title"));
            Wording w = new Wording(language);
            JsonNode next = detail.path("nextStep");
            String expected = next.hasNonNull("dueBy")
                    ? MESSAGES.get(language, nextKey + "_due", w.when(Instant.parse(next.path("dueBy").asText())))
                    : MESSAGES.get(language, nextKey);
            assertThat(next.path("text").asText()).as(language + " after " + entryType).isEqualTo(expected);
        }
    }

    private static String dueBy(Started s) {
        return s.phone().get("/v1/cases/" + s.caseId()).json().path("nextStep").path("dueBy").asText(null);
    }

    @Test
    void theNextStepSaysWhatReallyComesAfterEachStepOfTheRoute() {
        Started s = started("Ik moest mijn telefoon elke avond inleveren.", "committee");
        assertStep(s, "complaint_started", "next.complaint_started");
        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", answers("Ik wil mijn telefoon houden.", null));
        approve(s);
        assertStep(s, "complaint_approved", "next.complaint_approved");
        s.trust().put("/v1/inbox/" + s.caseId() + "/complaint/wording",
                Map.of("paragraphs", Map.of("support", "De vertrouwenspersoon steunt deze klacht.")));
        assertStep(s, "complaint_changed", "next.complaint_changed");
        approve(s);
        assertStep(s, "complaint_approved", "next.complaint_approved");

        ApiResponse sent = s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertStep(s, "complaint_sent", "next.formal_complaint");
        assertThat(dueBy(s)).as("the committee's date").isEqualTo(sent.text("committeeDueBy"));

        ApiResponse decided = s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/decision",
                Map.of("outcome", "partly_upheld"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertStep(s, "committee_partly_upheld", "next.complaint_decided");
        assertThat(dueBy(s)).as("the provider's date, no longer the committee's")
                .isEqualTo(decided.text("measuresDueBy"));
        String english = s.phone().english().get("/v1/cases/" + s.caseId()).json().path("nextStep").path("text")
                .asText();
        assertThat(english).doesNotContain("board looks at your complaint");

        assertThat(s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/measures", Map.of()).status())
                .isEqualTo(200);
        assertStep(s, "provider_measures", "next.complaint_measures");
        assertThat(dueBy(s)).as("nothing more is due").isNull();

        // A rejected complaint: the provider still says what it does, and the trust person says what can follow.
        Started r = started("Ik mocht niet naar school.", "committee");
        r.phone().put("/v1/cases/" + r.caseId() + "/complaint", answers("Ik wil weer naar school.", null));
        approve(r);
        assertThat(r.trust().post("/v1/inbox/" + r.caseId() + "/complaint/send", Map.of()).status()).isEqualTo(200);
        assertThat(r.trust().post("/v1/inbox/" + r.caseId() + "/complaint/decision", Map.of("outcome", "rejected"))
                .status()).isEqualTo(200);
        assertStep(r, "committee_rejected", "next.complaint_rejected");
        assertThat(dueBy(r)).isNotNull();
    }

    @Test
    void theExportHoldsTheApprovedLetterBesideItsPlainWordsWithTheRouteAndItsDates() {
        Started s = started("Ik mocht niet naar buiten.", "committee");
        String export = "/v1/cases/" + s.caseId() + "/export";
        JsonNode begun = s.phone().get(export).json();
        assertThat(begun.path("headings").path("complaint").asText()).isEqualTo("Je brief aan de klachtencommissie");
        assertThat(begun.path("complaint").path("state").asText()).isEqualTo("draft");
        assertThat(begun.path("complaint").path("answers").path("story").asText()).isEqualTo("Ik mocht niet naar buiten.");
        assertThat(begun.path("complaint").path("letter")).as("nothing approved yet").isEmpty();

        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", answers("Ik wil elke dag naar buiten.", null));
        int version = approve(s);
        JsonNode approved = s.phone().english().get(export).json().path("complaint");
        assertThat(approved.path("approvedVersion").asInt()).isEqualTo(version);
        assertThat(approved.path("answers").path("whatNow").asText()).isEqualTo("Ik wil elke dag naar buiten.");
        JsonNode view = s.phone().english().get("/v1/cases/" + s.caseId() + "/complaint").json();
        assertThat(approved.path("letter")).hasSize(ComplaintLetter.PARTS.size());
        for (int i = 0; i < ComplaintLetter.PARTS.size(); i++) {
            JsonNode part = approved.path("letter").get(i);
            JsonNode shown = view.path("paragraphs").get(i);
            assertThat(part.path("id").asText()).isEqualTo(ComplaintLetter.PARTS.get(i));
            assertThat(part.path("plain").asText()).startsWith("This part says").isEqualTo(shown.path("plain").asText());
            assertThat(part.path("letterText").asText()).isEqualTo(shown.path("letterText").asText());
        }
        assertThat(approved.path("letter").get(4).path("ownWords").asText()).isEqualTo("Ik wil elke dag naar buiten.");

        // A change after approval: the export no longer calls any version approved.
        s.trust().put("/v1/inbox/" + s.caseId() + "/complaint/wording",
                Map.of("paragraphs", Map.of("request", "De klager vraagt om meer tijd buiten.")));
        JsonNode changed = s.phone().get(export).json().path("complaint");
        assertThat(changed.path("letter")).isEmpty();
        assertThat(changed.has("approvedVersion")).isFalse();
        approve(s);
        ApiResponse sent = s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of());
        ApiResponse decided = s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/decision",
                Map.of("outcome", "upheld"));
        JsonNode done = s.phone().get(export).json().path("complaint");
        assertThat(done.path("state").asText()).isEqualTo("decided");
        assertThat(done.path("sentAt").asText()).isEqualTo(sent.text("sentAt"));
        assertThat(done.path("committeeDueBy").asText()).isEqualTo(sent.text("committeeDueBy"));
        assertThat(done.path("decision").asText()).isEqualTo("upheld");
        assertThat(done.path("measuresDueBy").asText()).isEqualTo(decided.text("measuresDueBy"));
        assertThat(done.path("letter").get(4).path("letterText").asText())
                .isEqualTo("De klager vraagt om meer tijd buiten.");

        // A case without a complaint has no complaint in its export.
        ApiClient other = Journeys.newDevice(api);
        String plain = Journeys.submitCase(other, "Gewoon een vraag.");
        assertThat(other.get("/v1/cases/" + plain + "/export").json().has("complaint")).isFalse();
    }

    @Test
    void onlyTheCasesYoungPersonAndItsTrustPersonReachTheComplaint() {
        Started s = started("Ze schreeuwen tegen mij.", "committee");
        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", answers("Ik wil dat ze normaal praten.", null));
        approve(s);
        s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of());
        String letter = "/complaint/letter.pdf";
        assertThat(Journeys.newDevice(api).download("/v1/cases/" + s.caseId() + letter).status()).isEqualTo(404);
        assertThat(Journeys.staff(api, "coordinator@demo.local").download("/v1/inbox/" + s.caseId() + letter)
                .status()).isEqualTo(403);
        assertThat(Journeys.staff(api, "council@demo.local").download("/v1/inbox/" + s.caseId() + letter).status())
                .isEqualTo(403);
        assertThat(Journeys.staff(api, "admin@demo.local").download("/v1/inbox/" + s.caseId() + letter).status())
                .isEqualTo(403);
        assertThat(api.anonymous().download("/v1/cases/" + s.caseId() + letter).status()).isEqualTo(401);
        assertThat(s.trust().download("/v1/cases/" + s.caseId() + letter).status()).isEqualTo(403);
        assertThat(s.phone().download("/v1/inbox/" + s.caseId() + letter).status()).isEqualTo(403);
    }

    @Test
    void erasingTheCaseRemovesTheLetter() {
        String canary = "KanarieBrief" + Long.toHexString(System.nanoTime());
        Started s = started(canary + " in het verhaal", "committee");
        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", answers(canary + " wat er moet gebeuren", null));
        approve(s);
        assertThat(s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of()).status()).isEqualTo(200);
        assertThat(complaintRows(s.caseId())).isEqualTo(1);
        assertThat(s.phone().delete("/v1/cases/" + s.caseId()).status()).isEqualTo(204);
        assertThat(complaintRows(s.caseId())).isZero();
        assertThat(s.trust().download("/v1/inbox/" + s.caseId() + "/complaint/letter.pdf").status()).isEqualTo(404);
    }

    @Test
    void noLetterWordsReachLogsPushesMetricsOrCouncils() throws IOException {
        String canary = "KanarieKlacht" + Long.toHexString(System.nanoTime());
        Started s = started(canary + "verhaal de groepsleider sloot mij op", "committee");
        Map<String, Object> body = answers(canary + "vraag ik wil naar buiten", canary + "naam");
        body.put("story", canary + "eigenwoorden zo ging het");
        s.phone().put("/v1/cases/" + s.caseId() + "/complaint", body);
        s.trust().put("/v1/inbox/" + s.caseId() + "/complaint/wording", Map.of("paragraphs",
                Map.of("support", canary + "steun van de vertrouwenspersoon")));
        approve(s);
        assertThat(s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/send", Map.of()).status()).isEqualTo(200);
        s.trust().post("/v1/inbox/" + s.caseId() + "/complaint/decision", Map.of("outcome", "partly_upheld",
                "explanation", canary + "uitleg"));
        // The words are really in the letter.
        try (PDDocument doc = Loader.loadPDF(s.phone().download("/v1/cases/" + s.caseId()
                + "/complaint/letter.pdf").bytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(canary + "vraag", canary + "naam",
                    canary + "eigenwoorden", canary + "steun");
        }
        List<String> places = new ArrayList<>();
        places.add(api.get("/metrics").body());
        ApiClient council = Journeys.staff(api, "council@demo.local");
        places.add(council.get("/v1/trends?by=topic").body());
        places.add(council.get("/v1/trends.csv?by=month").body());
        places.add(s.trust().get("/v1/inbox").body());
        places.add(server.app().database().read(h -> h.createQuery("SELECT * FROM push_outbox").mapToMap().list())
                .toString());
        places.add(Files.readString(TestLog.file(), StandardCharsets.ISO_8859_1));
        for (String place : places) {
            assertThat(place).doesNotContain(canary);
        }
        byte[] database = Files.readAllBytes(server.databaseFile());
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(canary);
    }

    private static long complaintRows(String caseId) {
        return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM complaints WHERE case_id = :c")
                .bind("c", caseId).mapTo(Long.class).one());
    }

    /** Marked, in Dutch, titled, every font embedded, and a structure tree with headings and paragraphs. */
    static void assertTagged(PDDocument doc) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        assertThat(catalog.getMarkInfo()).isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        assertThat(catalog.getLanguage()).isEqualTo("nl-NL");
        assertThat(doc.getDocumentInformation().getTitle()).startsWith("Klacht");
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8))
                .contains("<pdfuaid:part>1</pdfuaid:part>");
        assertThat(catalog.getStructureTreeRoot()).isNotNull();
        List<String> types = TaggedPdfChecks.structureTypes(doc);
        assertThat(types).contains("Document", "H1", "H2", "P", "BlockQuote");
        assertThat(types.stream().filter("H2"::equals).count()).isEqualTo(ComplaintLetter.PARTS.size());
        TaggedPdfChecks.assertFontsEmbedded(doc);
    }

}
