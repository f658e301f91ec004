package nl.gehoord.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.gehoord.db.Database;
import nl.gehoord.intake.CaseDao;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.sla.SlaPolicy;
import nl.gehoord.sla.WorkingDays;
import nl.gehoord.trends.TrendRollup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated cases for the demo, so council trends show real numbers: coded facts only (no story, no contact, no
 * device), spread over the past 18 months, each counted through the same rollup code as a real case. Seeding twice
 * changes nothing. The numbers come from a fixed seed, so every demo looks the same.
 */
public final class DemoCases {
    public static final int COUNT = 8000;
    /** Ids of the form an earlier demo used; a database that has them is left as it is (see {@link #seed}). */
    private static final String OLD_FIRST_ID = "demo-case-00000";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private static final String[] REGIONS = {"utrecht", "amsterdam", "rotterdam"};
    private static final double[] REGION_WEIGHTS = {0.45, 0.30, 0.25};
    private static final String[][] LOCATIONS = {
        {"loc-utr-linde", "loc-utr-gezinshuis", "loc-utr-horizon"},
        {"loc-ams-waterland", "loc-ams-jb"},
        {"loc-rtd-maas", "loc-rtd-jji"},
    };
    private static final String[][] LOCATION_SETTINGS = {
        {"residential", "foster_care", "closed_care"},
        {"residential", "youth_protection"},
        {"residential", "youth_prison"},
    };
    private static final String[] TOPICS = {"treatment", "verbal_violence", "physical_violence", "sexual", "freedom",
        "help_quality", "unsafe_situation", "information", "decisions", "rights", "complaint_handling", "other"};
    private static final double[] TOPIC_WEIGHTS = {0.20, 0.08, 0.05, 0.02, 0.14, 0.16, 0.04, 0.11, 0.08, 0.05, 0.03, 0.04};
    private static final String[] SETTINGS = {"foster_care", "residential", "closed_care", "youth_protection",
        "youth_prison", "outpatient", "other"};
    private static final double[] SETTING_WEIGHTS = {0.18, 0.30, 0.08, 0.20, 0.04, 0.17, 0.03};
    private static final String[] AGE_BANDS = {"10_12", "13_15", "16_17", "18_23"};
    private static final double[] AGE_WEIGHTS = {0.12, 0.38, 0.32, 0.18};

    private DemoCases() {
    }

    /**
     * Returns how many cases were added now (0 when the demo cases are there already). A demo database made when
     * these ids were not yet UUIDs keeps its cases: seeding again would count them twice in the trends, so it only
     * says that a fresh data folder gives ids the contract allows.
     */
    public static int seed(Database db, TrendRollup rollup, Clock clock) {
        return seed(db, rollup, clock, COUNT);
    }

    /** The first {@code count} of the demo's cases, for a demo inbox without the wait for all of them. */
    public static int seed(Database db, TrendRollup rollup, Clock clock, int count) {
        return db.writeAlone("demo-cases-seed", h -> {
            CaseDao cases = h.attach(CaseDao.class);
            if (cases.byId(id(0)).isPresent()) {
                return 0;
            }
            if (cases.byId(OLD_FIRST_ID).isPresent()) {
                LOG.warn("The demo cases in this database have ids that are not UUIDs; start with an empty data "
                        + "folder to get demo cases that generated API clients can read");
                return 0;
            }
            Random random = new Random(20_240_601L);
            long now = clock.millis();
            SlaPolicy due = SlaPolicy.defaults();
            List<String> ids = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                insert(cases, random, i, now, due);
                ids.add(id(i));
            }
            rollup.refresh(h, ids);
            return count;
        });
    }

    /** A name-based UUID (version 3), so the demo's ids are real UUIDs and the same in every demo. */
    static String id(int i) {
        return uuid("gehoord-demo-case-" + i);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void insert(CaseDao cases, Random random, int i, long now, SlaPolicy due) {
        int region = pick(random, REGION_WEIGHTS);
        String location = null;
        String setting = SETTINGS[pick(random, SETTING_WEIGHTS)];
        if (random.nextDouble() < 0.65) {
            int l = random.nextInt(LOCATIONS[region].length);
            location = LOCATIONS[region][l];
            setting = LOCATION_SETTINGS[region][l];
        }
        double kindRoll = random.nextDouble();
        String kind = kindRoll < 0.6 ? "complaint" : kindRoll < 0.85 ? "help" : kindRoll < 0.95 ? "question" : "unsafe";
        String topic = kind.equals("question") ? null : TOPICS[pick(random, TOPIC_WEIGHTS)];
        boolean urgent = kind.equals("unsafe")
                || (topic != null && List.of("physical_violence", "sexual", "unsafe_situation").contains(topic));
        String ageBand = random.nextDouble() < 0.1 ? null : AGE_BANDS[pick(random, AGE_WEIGHTS)];
        // More cases lately: a gentle upward trend over 18 months.
        double age = Math.sqrt(random.nextDouble());
        long created = now - (long) ((1 - age) * 548 * DAY) - random.nextInt(24) * HOUR;
        long dueAt = urgent ? due.urgentDue(created)
                : WorkingDays.add(Instant.ofEpochMilli(created), due.firstResponseWorkingDays()).toEpochMilli();
        long responseDelay = (long) (Math.exp(random.nextGaussian() * 0.9 + Math.log(urgent ? 3 : 20)) * HOUR);
        Long firstResponse = created + responseDelay < now ? created + responseDelay : null;
        double end = random.nextDouble();
        boolean formal = kind.equals("complaint") && random.nextDouble() < 0.12;
        long span = (long) (Math.exp(random.nextGaussian() * 0.8 + Math.log(formal ? 60 : 18)) * DAY);
        CaseStatus status;
        Long closed = null;
        if (created + span < now) {
            closed = created + span;
            status = end < 0.62 ? CaseStatus.RESOLVED : end < 0.86 ? CaseStatus.CLOSED : CaseStatus.WITHDRAWN;
        } else {
            status = formal ? CaseStatus.FORMAL_COMPLAINT
                    : firstResponse == null ? CaseStatus.ASSIGNED : CaseStatus.IN_CONVERSATION;
        }
        CaseDao.Facts facts = new CaseDao.Facts(kind, topic, setting, REGIONS[region], ageBand, location,
                "app_message", 1);
        cases.insert(new CaseDao.CaseRow(id(i), null, DemoData.ORGANISATION_ID, facts, urgent, status,
                "staff-demo-trust", new CaseDao.Sealed(null, null, null, null, null), created,
                closed != null ? closed : created, dueAt, firstResponse, closed, null), null);
        if (formal) {
            cases.insertEvent(new CaseDao.EventRow(uuid("gehoord-demo-case-event-" + i), id(i), 1, "status_changed",
                    CaseStatus.FORMAL_COMPLAINT, null, null, null, created + span / 3));
        }
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
