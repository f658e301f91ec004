package nl.gehoord.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.gehoord.demo.DemoData;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.staff.StaffDao;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who is told what: the outbox rows each case event writes. Every test makes its own cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushPolicyTest {
    private static final String TRUST = PushFixture.TRUST;
    private static final String COORDINATOR = PushFixture.COORDINATOR;
    private static final String OTHER_TRUST = "staff-other-trust";

    private PushFixture fx;
    private String device;

    @BeforeAll
    void setUp() {
        fx = new PushFixture();
        fx.db.writeVoid(h -> h.attach(StaffDao.class).insert(new StaffDao.StaffRow(OTHER_TRUST,
                DemoData.ORGANISATION_ID, "other@demo.local", "Other", "trust_person", "x", true, true, 0)));
    }

    @BeforeEach
    void newPhone() {
        device = fx.newDevice("tok-policy");
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    record Sent(String kind, String recipient, String messageKey) {
    }

    private List<Sent> rows(String caseId) {
        return fx.outbox(caseId).stream().filter(r -> r.state().equals(OutboxDao.PENDING))
                .map(r -> new Sent(r.recipientKind(), r.recipientId(), r.messageKey())).toList();
    }

    private String unassignedCase() {
        String caseId = fx.newCase(false, null);
        fx.link(caseId, device);
        return caseId;
    }

    private String assignedCase() {
        String caseId = fx.newCase(false, TRUST);
        fx.link(caseId, device);
        return caseId;
    }

    @Test
    void aNewUnassignedCaseTellsTheYoungPersonAndTheQueue() {
        String caseId = unassignedCase();
        fx.publish(CaseEvent.Type.RECEIVED, caseId);
        assertThat(rows(caseId)).containsExactlyInAnyOrder(
                new Sent("device", device, PushTexts.CASE_RECEIVED),
                new Sent("staff", COORDINATOR, PushTexts.STAFF_NEW_CASE));
    }

    @Test
    void anAssignedCaseTellsTheAssigneeNotTheQueue() {
        String caseId = assignedCase();
        fx.publish(new CaseEvent(CaseEvent.Type.ASSIGNED, caseId, TRUST));
        assertThat(rows(caseId)).containsExactlyInAnyOrder(
                new Sent("device", device, PushTexts.CASE_ASSIGNED),
                new Sent("staff", TRUST, PushTexts.STAFF_NEW_CASE));
    }

    @Test
    void aReassignedCaseTellsTheNewAssigneeAndTheYoungPerson() {
        String caseId = fx.newCase(false, OTHER_TRUST);
        fx.link(caseId, device);
        fx.publish(new CaseEvent(CaseEvent.Type.REASSIGNED, caseId, OTHER_TRUST));
        assertThat(rows(caseId)).containsExactlyInAnyOrder(
                new Sent("device", device, PushTexts.CASE_ASSIGNED),
                new Sent("staff", OTHER_TRUST, PushTexts.STAFF_REASSIGNED));
    }

    @Test
    void progressGoesToTheYoungPersonOnly() {
        String caseId = assignedCase();
        String secondPhone = fx.newDevice("tok-policy-2");
        fx.link(caseId, secondPhone);
        fx.publish(new CaseEvent(CaseEvent.Type.REPLY, caseId, TRUST));
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
        fx.publish(CaseEvent.Type.DUE_DATE_MOVED, caseId);
        assertThat(rows(caseId)).containsExactlyInAnyOrder(
                new Sent("device", device, PushTexts.REPLY), new Sent("device", secondPhone, PushTexts.REPLY),
                new Sent("device", device, PushTexts.STATUS_CHANGED),
                new Sent("device", secondPhone, PushTexts.STATUS_CHANGED),
                new Sent("device", device, PushTexts.DUE_DATE_MOVED),
                new Sent("device", secondPhone, PushTexts.DUE_DATE_MOVED));
    }

    @Test
    void aYoungPersonsMessageGoesToTheAssigneeElseTheCoordinators() {
        String assigned = assignedCase();
        String unassigned = unassignedCase();
        fx.publish(CaseEvent.Type.YOUNG_PERSON_MESSAGE, assigned);
        fx.publish(CaseEvent.Type.YOUNG_PERSON_MESSAGE, unassigned);
        assertThat(rows(assigned)).containsExactly(new Sent("staff", TRUST, PushTexts.STAFF_YOUNG_PERSON_MESSAGE));
        assertThat(rows(unassigned)).containsExactly(
                new Sent("staff", COORDINATOR, PushTexts.STAFF_YOUNG_PERSON_MESSAGE));
    }

    @Test
    void deadlinesGoToTheAssigneeAndTheCoordinatorsAndAreUrgent() {
        String caseId = assignedCase();
        fx.publish(CaseEvent.Type.SLA_WARNING, caseId);
        fx.publish(CaseEvent.Type.SLA_BREACHED, caseId);
        assertThat(rows(caseId)).containsExactlyInAnyOrder(
                new Sent("staff", TRUST, PushTexts.STAFF_SLA_WARNING),
                new Sent("staff", COORDINATOR, PushTexts.STAFF_SLA_WARNING),
                new Sent("staff", TRUST, PushTexts.STAFF_SLA_BREACHED),
                new Sent("staff", COORDINATOR, PushTexts.STAFF_SLA_BREACHED));
        assertThat(fx.outbox(caseId)).allMatch(OutboxDao.Row::urgent);
    }

    @Test
    void inactiveStaffAndOtherOrganisationsHearNothing() {
        fx.db.writeVoid(h -> {
            h.attach(nl.gehoord.organisations.PlacesDao.class).insertOrganisation(
                    new nl.gehoord.organisations.PlacesDao.Organisation("other-org", "Other", 0));
            h.attach(StaffDao.class).insert(new StaffDao.StaffRow("staff-other-coordinator", "other-org",
                    "coordinator@other.local", "Other coordinator", "coordinator", "x", true, true, 0));
            h.execute("UPDATE staff SET active = FALSE WHERE id = ?", COORDINATOR);
        });
        try {
            String caseId = unassignedCase();
            fx.publish(CaseEvent.Type.RECEIVED, caseId);
            fx.publish(CaseEvent.Type.SLA_BREACHED, caseId);
            assertThat(rows(caseId)).containsExactly(new Sent("device", device, PushTexts.CASE_RECEIVED));
        } finally {
            fx.db.writeVoid(h -> h.execute("UPDATE staff SET active = TRUE WHERE id = ?", COORDINATOR));
        }
    }

    @Test
    void aQueuedCaseOfATeamGoesToThatTeamsCoordinatorsOnly() {
        fx.db.writeVoid(h -> {
            h.execute("INSERT INTO teams (id, organisation_id, name, created_at) VALUES ('team-north', ?, 'Noord', 0)",
                    nl.gehoord.demo.DemoData.ORGANISATION_ID);
            h.attach(StaffDao.class).insert(new StaffDao.StaffRow("staff-north-coordinator", nl.gehoord.demo.DemoData.ORGANISATION_ID,
                    "north@demo.local", "Coordinator Noord", "coordinator", "x", true, true, 0));
            h.execute("UPDATE staff SET team_id = 'team-north' WHERE id = 'staff-north-coordinator'");
        });
        try {
            String caseId = unassignedCase();
            fx.db.writeVoid(h -> h.execute("UPDATE cases SET team_id = 'team-north' WHERE id = ?", caseId));
            fx.publish(CaseEvent.Type.RECEIVED, caseId);
            assertThat(rows(caseId)).containsExactlyInAnyOrder(
                    new Sent("device", device, PushTexts.CASE_RECEIVED),
                    new Sent("staff", "staff-north-coordinator", PushTexts.STAFF_NEW_CASE));
        } finally {
            fx.db.writeVoid(h -> {
                h.execute("UPDATE cases SET team_id = NULL WHERE team_id = 'team-north'");
                h.execute("DELETE FROM staff WHERE id = 'staff-north-coordinator'");
                h.execute("DELETE FROM teams WHERE id = 'team-north'");
            });
        }
    }

    @Test
    void withdrawalSendsNothing() {
        String caseId = assignedCase();
        fx.publish(CaseEvent.Type.WITHDRAWN, caseId);
        assertThat(fx.outbox(caseId)).isEmpty();
    }

    @Test
    void urgencyFollowsTheCase() {
        String urgent = fx.newCase(true, null);
        fx.link(urgent, device);
        String calm = unassignedCase();
        fx.publish(CaseEvent.Type.REPLY, urgent);
        fx.publish(CaseEvent.Type.REPLY, calm);
        assertThat(fx.outbox(urgent)).allMatch(OutboxDao.Row::urgent);
        assertThat(fx.outbox(calm)).noneMatch(OutboxDao.Row::urgent);
    }

    @Test
    void repeatedEventsCollapseIntoTheNewestWaitingPush() {
        String caseId = unassignedCase();
        for (int i = 0; i < 5; i++) {
            fx.publish(CaseEvent.Type.REPLY, caseId);
        }
        fx.publish(CaseEvent.Type.STATUS_CHANGED, caseId);
        assertThat(rows(caseId)).containsExactlyInAnyOrder(new Sent("device", device, PushTexts.REPLY),
                new Sent("device", device, PushTexts.STATUS_CHANGED));
        assertThat(fx.outbox(caseId)).filteredOn(r -> r.state().equals(OutboxDao.COLLAPSED)).hasSize(4);
    }
}
