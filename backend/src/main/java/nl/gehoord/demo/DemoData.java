package nl.gehoord.demo;

import java.time.Clock;
import java.util.List;
import nl.gehoord.db.Database;
import nl.gehoord.inbox.InboxDao;
import org.jdbi.v3.core.Handle;
import nl.gehoord.complaint.ComplaintService;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.staff.Passwords;
import nl.gehoord.staff.StaffDao;
import nl.gehoord.trends.CouncilScope;
import nl.gehoord.trends.CouncilScopes;

/**
 * The demo: one trust-person organisation, three regions with care locations, and one staff account per role,
 * all sharing one password. Seeding twice changes nothing (and keeps the first password).
 */
public final class DemoData {
    public static final String ORGANISATION_ID = "demo-org";
    public static final List<String> STAFF_EMAILS = List.of("trust@demo.local", "coordinator@demo.local",
            "council@demo.local", "admin@demo.local", "raad.linde@demo.local");

    private DemoData() {
    }

    /** Gives every demo account this password (when the operator chose one for an existing demo). */
    public static void setPassword(Database db, String password) {
        String hash = Passwords.hash(password);
        db.writeVoid(h -> {
            StaffDao staff = h.attach(StaffDao.class);
            for (String email : STAFF_EMAILS) {
                staff.byEmail(email).ifPresent(s -> staff.setPassword(s.id(), hash));
            }
        });
    }

    /** Returns true when the demo was seeded now, false when it was there already. */
    public static boolean seed(Database db, Clock clock, String password) {
        // Instances started together on one empty PostgreSQL: one seeds, the others then find the demo there.
        return db.writeAlone("demo-seed", h -> {
            PlacesDao places = h.attach(PlacesDao.class);
            if (places.organisation(ORGANISATION_ID).isPresent()) {
                seedInbox(h, clock.millis());
                ComplaintService.seedDemoLetterhead(h, ORGANISATION_ID, clock.millis());
                return false;
            }
            long now = clock.millis();
            places.insertOrganisation(new PlacesDao.Organisation(ORGANISATION_ID, "Vertrouwenswerk Demo", now));
            places.insertRegion(new PlacesDao.Region("utrecht", "Regio Utrecht", "Utrecht", ORGANISATION_ID));
            places.insertRegion(new PlacesDao.Region("amsterdam", "Regio Amsterdam-Amstelland", "Amsterdam", ORGANISATION_ID));
            places.insertRegion(new PlacesDao.Region("rotterdam", "Regio Rijnmond", "Rotterdam", ORGANISATION_ID));
            places.insertLocation(new PlacesDao.Location("loc-utr-linde", "utrecht", "Stichting De Linde", "Groep De Kastanje", "residential"));
            places.insertLocation(new PlacesDao.Location("loc-utr-gezinshuis", "utrecht", "Stichting De Linde", "Gezinshuis Zonnebloem", "foster_care"));
            places.insertLocation(new PlacesDao.Location("loc-utr-horizon", "utrecht", "Horizon Jeugdzorg", "De Vluchtheuvel", "closed_care"));
            places.insertLocation(new PlacesDao.Location("loc-ams-waterland", "amsterdam", "Jeugdhulp Waterland", "Woongroep Het Anker", "residential"));
            places.insertLocation(new PlacesDao.Location("loc-ams-jb", "amsterdam", "Jeugdbescherming Regio Amsterdam", "Team Oost", "youth_protection"));
            places.insertLocation(new PlacesDao.Location("loc-rtd-maas", "rotterdam", "Maasstad Jeugd", "Groep De Haven", "residential"));
            places.insertLocation(new PlacesDao.Location("loc-rtd-jji", "rotterdam", "JJI De Hartelborgt", "Afdeling Noord", "youth_prison"));
            String hash = Passwords.hash(password);
            StaffDao staff = h.attach(StaffDao.class);
            String[][] accounts = {
                {"staff-demo-trust", "trust@demo.local", "Sam de Vries", "trust_person"},
                {"staff-demo-coordinator", "coordinator@demo.local", "Noor Jansen", "coordinator"},
                {"staff-demo-council", "council@demo.local", "Cliëntenraad Demo", "council"},
                {"staff-demo-admin", "admin@demo.local", "Beheer Demo", "admin"},
                {"staff-demo-council-linde", "raad.linde@demo.local", "Cliëntenraad De Linde", "council"},
            };
            for (String[] a : accounts) {
                staff.insert(new StaffDao.StaffRow(a[0], ORGANISATION_ID, a[1], a[2], a[3], hash, true, true, now));
            }
            seedInbox(h, now);
            ComplaintService.seedDemoLetterhead(h, ORGANISATION_ID, now);
            // The municipal council sees Utrecht; the client council sees Stichting De Linde.
            CouncilScopes.setInTransaction(h, "staff-demo-council", CouncilScope.MUNICIPALITY, List.of("Utrecht"), now);
            CouncilScopes.setInTransaction(h, "staff-demo-council-linde", CouncilScope.PROVIDER,
                    List.of("Stichting De Linde"), now);
            return true;
        });
    }

    // --- The inbox ----------------------------------------------------------------------------------------
    public static final String TEAM_ID = "team-midden";

    /**
     * Team Midden with the demo trust person and coordinator in it, and one catch-all routing rule, so a demo
     * case from any region reaches trust@demo.local. Also two canned replies. Skipped when the team exists.
     */
    static void seedInbox(Handle h, long now) {
        InboxDao inbox = h.attach(InboxDao.class);
        if (inbox.team(TEAM_ID).isPresent()) {
            return;
        }
        inbox.insertTeam(new InboxDao.Team(TEAM_ID, ORGANISATION_ID, "Team Midden", now));
        StaffDao staff = h.attach(StaffDao.class);
        staff.setTeam("staff-demo-trust", TEAM_ID);
        staff.setTeam("staff-demo-coordinator", TEAM_ID);
        inbox.insertRule(new InboxDao.Rule("rule-demo-default", ORGANISATION_ID, 1000, null, null, null, TEAM_ID, now));
        inbox.insertUnsealedCanned("canned-demo-hello", ORGANISATION_ID, "Eerste antwoord",
                "Hoi, ik ben je vertrouwenspersoon. Ik werk niet voor de jeugdzorg. Wat fijn dat je schrijft. "
                        + "Wil je me meer vertellen?", now);
        inbox.insertUnsealedCanned("canned-demo-visit", ORGANISATION_ID, "Langskomen",
                "Ik kom binnenkort langs op je groep. Dan kunnen we praten. Is dat goed?", now);
    }
}
