package nl.gehoord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.gehoord.staff.Passwords;

/**
 * A second trust-person organisation beside the demo one, with its own region, location, team, routing rule,
 * staff (an admin, a coordinator and a trust person), a canned reply and a case: the ids another party holds.
 * The rows the demo seeds directly are written the same way here; the reply and the case go through the API.
 */
public final class OtherOrganisation {
    public static final String ID = "org-ander";
    public static final String REGION = "zeeland";
    public static final String LOCATION = "loc-zee-duin";
    public static final String TEAM = "team-zee";
    public static final String RULE = "rule-zee";
    public static final String ADMIN = "staff-zee-admin";
    public static final String COORDINATOR = "staff-zee-coordinator";
    public static final String TRUST_PERSON = "staff-zee-trust";
    public static final String COORDINATOR_EMAIL = "coordinator@zee.local";

    public final String caseId;
    public final String replyId;

    private OtherOrganisation(String caseId, String replyId) {
        this.caseId = caseId;
        this.replyId = replyId;
    }

    public static OtherOrganisation create(TestServer server) {
        long now = server.clock().millis();
        String hash = Passwords.hash(TestServer.DEMO_PASSWORD);
        server.app().database().writeVoid(h -> {
            h.createUpdate("INSERT INTO organisations (id, name, created_at) VALUES (:id, 'Vertrouwenswerk Zee', :now)")
                    .bind("id", ID).bind("now", now).execute();
            h.createUpdate("INSERT INTO regions (code, name, municipality, organisation_id) "
                    + "VALUES (:code, 'Regio Zeeland', 'Middelburg', :org)").bind("code", REGION).bind("org", ID).execute();
            h.createUpdate("INSERT INTO locations (id, region_code, provider, name, setting) "
                    + "VALUES (:id, :region, 'Duinzorg', 'Groep Het Duin', 'residential')")
                    .bind("id", LOCATION).bind("region", REGION).execute();
            h.createUpdate("INSERT INTO teams (id, organisation_id, name, created_at) VALUES (:id, :org, 'Team Zee', :now)")
                    .bind("id", TEAM).bind("org", ID).bind("now", now).execute();
            for (String[] s : new String[][] {{ADMIN, "admin@zee.local", "admin", null},
                    {COORDINATOR, COORDINATOR_EMAIL, "coordinator", TEAM},
                    {TRUST_PERSON, "trust@zee.local", "trust_person", TEAM}}) {
                h.createUpdate("INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, "
                                + "available, active, created_at, team_id) "
                                + "VALUES (:id, :org, :email, 'Iemand van Zee', :role, :hash, TRUE, TRUE, :now, :team)")
                        .bind("id", s[0]).bind("org", ID).bind("email", s[1]).bind("role", s[2]).bind("hash", hash)
                        .bind("now", now).bind("team", s[3]).execute();
            }
            h.createUpdate("INSERT INTO routing_rules (id, organisation_id, priority, team_id, created_at) "
                    + "VALUES (:id, :org, 1000, :team, :now)").bind("id", RULE).bind("org", ID).bind("team", TEAM)
                    .bind("now", now).execute();
        });
        ApiClient coordinator = Journeys.staff(server.client(), COORDINATOR_EMAIL);
        ApiResponse reply = coordinator.post("/v1/canned-replies", Map.of("title", "Hallo van Zee",
                "body", "Hoi, ik ben er voor je."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        Map<String, Object> complaint = Journeys.complaint("Een verhaal uit Zeeland");
        complaint.put("region", REGION);
        complaint.put("about", Map.of("locationId", LOCATION));
        String caseId = Journeys.submit(Journeys.newDevice(server.client()), complaint).text("caseId");
        return new OtherOrganisation(caseId, reply.text("id"));
    }
}
