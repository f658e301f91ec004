package nl.gehoord.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.gehoord.demo.DemoData;
import nl.gehoord.testing.SqliteDatabase;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one due-date engine against a real, migrated database, without a server. */
class DueDatesTest {
    @RegisterExtension
    final SqliteDatabase sqlite = new SqliteDatabase();

    private DueDates dueDates() {
        return new DueDates(sqlite.clock());
    }

    private void newCase(Handle h, String id, boolean urgent, String status) {
        long now = sqlite.clock().millis();
        h.createUpdate("""
                INSERT INTO cases (id, organisation_id, kind, setting, region_code, contact_preference, urgent, status,
                                   flow_version, created_at, updated_at)
                VALUES (:id, :org, 'complaint', 'residential', 'utrecht', 'app_message', :urgent, :status, 1, :now, :now)
                """).bind("id", id).bind("org", DemoData.ORGANISATION_ID).bind("urgent", urgent)
                .bind("status", status).bind("now", now).execute();
    }

    private DeadlineDao.Clocked read(String id) {
        return sqlite.db().read(h -> h.attach(DeadlineDao.class).clocked(id).orElseThrow());
    }

    private Long slaDueAt(String id) {
        return sqlite.db().read(h -> h.createQuery("SELECT sla_due_at FROM cases WHERE id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    @Test
    void aNewCaseIsDueByTheOrganisationsPolicyAndTheInboxSortsOnTheEarliest() {
        sqlite.db().writeVoid(h -> {
            dueDates().setPolicy(h, DemoData.ORGANISATION_ID, new SlaPolicy(3, 90, 2, 20));
            newCase(h, "c1", false, "assigned");
            dueDates().received(h, "c1");
        });
        Deadlines d = read("c1").deadlines();
        // Monday 10:00 Amsterdam: 3 working days -> Thursday 10:00; resolution 20 working days later.
        assertThat(Instant.ofEpochMilli(d.firstResponseDueAt())).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(d.resolutionDueAt()).isGreaterThan(d.firstResponseDueAt());
        assertThat(slaDueAt("c1")).isEqualTo(d.firstResponseDueAt());
    }

    @Test
    void becomingUrgentLaterUsesTheOrganisationsUrgentTimeForTheAnswerStillDue() {
        sqlite.db().writeVoid(h -> {
            dueDates().setPolicy(h, DemoData.ORGANISATION_ID, new SlaPolicy(2, 90, 2, 30));
            newCase(h, "c2", false, "assigned");
            dueDates().received(h, "c2");
        });
        sqlite.clock().advance(Duration.ofHours(1));
        sqlite.db().writeVoid(h -> {
            h.execute("UPDATE cases SET urgent = TRUE WHERE id = 'c2'");
            dueDates().youngPersonWrote(h, "c2");
        });
        long expected = Instant.parse("2026-11-23T11:30:00Z").toEpochMilli();
        assertThat(read("c2").deadlines().firstResponseDueAt()).isEqualTo(expected);
        assertThat(slaDueAt("c2")).as("the inbox's due time follows").isEqualTo(expected);
    }

    @Test
    void anAnswerMeetsTheFirstDeadlineAndAFinishedCaseHasNoneOpen() {
        sqlite.db().writeVoid(h -> {
            newCase(h, "c3", false, "assigned");
            dueDates().received(h, "c3");
            dueDates().staffAnswered(h, "c3");
        });
        Deadlines d = read("c3").deadlines();
        assertThat(d.firstResponseAt()).isEqualTo(sqlite.clock().millis());
        assertThat(slaDueAt("c3")).as("now the resolution").isEqualTo(d.resolutionDueAt());

        sqlite.db().writeVoid(h -> {
            h.execute("UPDATE cases SET status = 'closed' WHERE id = 'c3'");
            dueDates().statusChanged(h, "c3");
        });
        assertThat(slaDueAt("c3")).isNull();
    }
}
