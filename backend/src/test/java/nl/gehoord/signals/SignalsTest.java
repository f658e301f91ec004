package nl.gehoord.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals through real HTTP: several cases of one location with one theme bring a suggestion, the trust person
 * records a signal in their own words linked to those cases, the report names no child, its sending and the
 * answer are tracked, and erasing a linked case drops the link but keeps the signal's text.
 */
class SignalsTest {
    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void casesSharingAThemeAtOneLocationBecomeASignalWithoutAChildsWords() {
        String childWords = "KINDWOORDEN" + Long.toHexString(System.nanoTime());
        List<String> caseIds = new ArrayList<>();
        List<ApiClient> phones = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient phone = Journeys.newDevice(api);
            phones.add(phone);
            caseIds.add(Journeys.submitCase(phone, childWords + " ik moest op mijn kamer blijven " + i));
        }
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        JsonNode suggestions = trust.get("/v1/signals/suggestions").json();
        assertThat(suggestions.path("suggestions").toString()).contains("loc-utr-linde", "freedom_restriction");
        JsonNode suggestion = suggestions.path("suggestions").get(0);
        assertThat(suggestion.path("cases").asInt()).isGreaterThanOrEqualTo(3);

        String text = "Op groep De Kastanje moeten kinderen onder een huisregel op hun kamer blijven.";
        ApiResponse created = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme",
                "freedom_restriction", "text", text, "caseIds", caseIds));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String signalId = created.text("signalId");
        assertThat(created.json().path("linkedCases").asInt()).isEqualTo(3);
        assertThat(created.text("state")).isEqualTo("draft");
        assertThat(trust.get("/v1/signals/suggestions").json().path("suggestions").toString())
                .as("a signal made for it ends the suggestion").doesNotContain("freedom_restriction");

        ApiResponse report = trust.get("/v1/signals/" + signalId + "/report?recipient=inspectorate");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("text")).isEqualTo(text);
        assertThat(report.json().path("cases").asInt()).isEqualTo(3);
        assertThat(report.text("fromMonth")).isEqualTo("2026-11");
        assertThat(report.body()).doesNotContain(childWords).doesNotContain(caseIds.get(0)).doesNotContain("13_15");

        ApiResponse sent = trust.post("/v1/signals/" + signalId + "/sent", Map.of("recipient", "provider",
                "answerDueBy", "2026-12-21T16:00:00Z"));
        assertThat(sent.text("state")).isEqualTo("sent");
        assertThat(trust.post("/v1/signals/" + signalId + "/sent", Map.of("recipient", "provider",
                "answerDueBy", "2026-12-21T16:00:00Z")).text("code")).isEqualTo("signal_sent_already");
        ApiResponse answered = trust.post("/v1/signals/" + signalId + "/answer",
                Map.of("text", "De zorg schaft de huisregel af."));
        assertThat(answered.text("state")).isEqualTo("answered");

        // Erasing a linked case drops the link; the trust person's text stays.
        assertThat(phones.get(0).delete("/v1/cases/" + caseIds.get(0)).status()).isEqualTo(204);
        JsonNode after = trust.get("/v1/signals/" + signalId).json();
        assertThat(after.path("linkedCases").asInt()).isEqualTo(2);
        assertThat(after.path("text").asText()).isEqualTo(text);

        // Staff of the organisation only; councils and young people never.
        assertThat(Journeys.staff(api, "coordinator@demo.local").get("/v1/signals/" + signalId).status())
                .isEqualTo(200);
        assertThat(Journeys.staff(api, "council@demo.local").get("/v1/signals").status()).isEqualTo(403);
        assertThat(phones.get(1).get("/v1/signals").status()).isEqualTo(403);
        String council = Journeys.staff(api, "council@demo.local").get("/v1/trends?by=topic").body();
        assertThat(council).doesNotContain("huisregel");
    }

    @Test
    void aSignalLinksOnlyCasesTheTrustPersonHandlesAndPlacesOfTheOrganisation() {
        ApiClient trust = Journeys.staff(api, "trust@demo.local");
        ApiResponse unknownPlace = trust.post("/v1/signals", Map.of("locationId", "loc-nowhere", "theme", "other",
                "text", "Iets."));
        assertThat(unknownPlace.status()).isEqualTo(422);
        ApiResponse unknownTheme = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme", "pizza",
                "text", "Iets."));
        assertThat(unknownTheme.status()).isEqualTo(422);
        ApiResponse otherCase = trust.post("/v1/signals", Map.of("locationId", "loc-utr-linde", "theme", "other",
                "text", "Iets.", "caseIds", List.of("00000000-0000-4000-8000-000000000000")));
        assertThat(otherCase.status()).isEqualTo(422);
    }
}
