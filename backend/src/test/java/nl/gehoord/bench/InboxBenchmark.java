package nl.gehoord.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.db.Database;
import nl.gehoord.inbox.InboxQueries;
import nl.gehoord.testing.TestServer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The inbox and the queue at scale: a real server (TestServer: real SQLite file, demo data) gets N generated cases
 * (default 100,000) spread over organisations, teams and trust persons; then GET /v1/inbox and GET /v1/queue are
 * timed over real HTTP in several shapes, first with the inbox indexes (migration V13) and then, in the same run
 * on the same data, with those indexes dropped, next to SQLite's query plan for each. Run by
 * scripts/benchmark.sh inbox [cases]; never part of the test suite. Prints figures, asserts nothing.
 */
public final class InboxBenchmark {
    private static final int ORGANISATIONS = 20;
    private static final int TEAMS_PER_ORGANISATION = 3;
    private static final int TRUST_PERSONS_PER_TEAM = 4;
    private static final String[] FINISHED = {"resolved", "closed", "withdrawn"};
    private static final double[] FINISHED_WEIGHTS = {0.45, 0.40, 0.15};
    private static final String[] OPEN = {"received", "assigned", "in_conversation", "formal_complaint"};
    private static final double[] OPEN_WEIGHTS = {0.15, 0.25, 0.50, 0.10};
    private static final String[] TOPICS = {"treatment", "freedom", "help_quality", "information", "decisions",
        "rights", "verbal_violence", "other"};
    private static final String[] SETTINGS = {"foster_care", "residential", "closed_care", "youth_protection",
        "outpatient"};
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** The indexes migration V13 adds; dropped for the baseline half of the run. */
    private static final List<String> NEW_INDEXES = List.of("cases_inbox_open", "cases_inbox_status",
        "cases_inbox_order", "cases_queue_order",
        "cases_queue_org_order", "cases_team_order");
    private static final int WARMUP = 30;
    private static final int ROUNDS = 300;

    private InboxBenchmark() {
    }

    /** One timed request, and the same list as SQL parameters (for the direct and the baseline timings). */
    record Shape(String name, String path, String token, InboxQueries.Scope scope, String staffId, String status,
                 boolean urgentOnly, boolean overdueOnly, String cursor) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        try (TestServer server = TestServer.start()) {
            // The SLA pass would raise alerts for the generated cases while they are timed; the lists are measured.
            server.app().slaScheduler().close();
            Database db = server.app().database();
            long now = server.clock().millis();
            long started = System.nanoTime();
            Generated g = generate(db, n, now);
            System.out.printf("Inbox benchmark: %,d cases (%,d open, %,d urgent open, %,d overdue, %,d in queues), "
                            + "%d organisations, %d teams, %d trust persons (cases each: min %,d, median %,d, max %,d), "
                            + "generated in %.1f s; SQLite file %s%n", n, g.open, g.urgentOpen, g.overdue, g.queued,
                    ORGANISATIONS, ORGANISATIONS * TEAMS_PER_ORGANISATION, g.casesPerPerson.length,
                    g.sortedCounts[0], g.sortedCounts[g.sortedCounts.length / 2],
                    g.sortedCounts[g.sortedCounts.length - 1], (System.nanoTime() - started) / 1e9,
                    server.databaseFile());
            db.writeVoid(h -> h.execute("ANALYZE"));

            String base = server.client().baseUrl();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String heavy = login(http, base, g.email(g.heaviest));
            String median = login(http, base, g.email(g.median));
            String coordinator = login(http, base, "bench-coord-0-0@bench.local");
            String deepCursor = cursorAfterPages(http, base, heavy, "/v1/inbox?status=all&limit=50", 20);

            String heavyId = "bench-tp-" + g.heaviest;
            String medianId = "bench-tp-" + g.median;
            String coordId = "bench-coord-0-0";
            InboxQueries.Scope mine = InboxQueries.Scope.MINE;
            List<Shape> shapes = List.of(
                    new Shape("inbox, open, " + g.count(g.heaviest) + " cases", "/v1/inbox", heavy, mine, heavyId,
                            "open", false, false, null),
                    new Shape("inbox, open, " + g.count(g.median) + " cases", "/v1/inbox", median, mine, medianId,
                            "open", false, false, null),
                    new Shape("inbox ?urgent=true", "/v1/inbox?urgent=true", heavy, mine, heavyId, "open", true,
                            false, null),
                    new Shape("inbox ?overdue=true", "/v1/inbox?overdue=true", heavy, mine, heavyId, "open", false,
                            true, null),
                    new Shape("inbox ?status=in_conversation", "/v1/inbox?status=in_conversation", heavy, mine,
                            heavyId, "in_conversation", false, false, null),
                    new Shape("inbox ?status=closed", "/v1/inbox?status=closed", heavy, mine, heavyId, "closed",
                            false, false, null),
                    new Shape("inbox ?status=all", "/v1/inbox?status=all", heavy, mine, heavyId, "all", false, false,
                            null),
                    new Shape("inbox ?status=all, page 21 (cursor)",
                            "/v1/inbox?status=all&limit=50&cursor=" + deepCursor, heavy, mine, heavyId, "all", false,
                            false, deepCursor),
                    new Shape("queue (unassigned)", "/v1/queue", coordinator, InboxQueries.Scope.QUEUE, coordId,
                            "open", false, false, null),
                    new Shape("queue ?scope=team", "/v1/queue?scope=team", coordinator, InboxQueries.Scope.TEAM,
                            coordId, "open", false, false, null),
                    new Shape("queue ?scope=team&status=all", "/v1/queue?scope=team&status=all", coordinator,
                            InboxQueries.Scope.TEAM, coordId, "all", false, false, null));

            // A first pass, not counted, warms the JIT for the server's code paths and SQLite's page cache.
            measureAll(http, base, shapes);
            Map<String, double[]> http13 = measureAll(http, base, shapes);
            Map<String, double[]> sql13 = measureSql(db, shapes, now, false);
            Map<String, String> plans13 = plans(db, shapes, now, false);
            // The baseline on the same data: the schema before V13 (its two indexes, none of V13) and its query.
            db.writeVoid(h -> {
                NEW_INDEXES.forEach(i -> h.execute("DROP INDEX " + i));
                h.execute("CREATE INDEX cases_inbox ON cases (assigned_staff_id, urgent, sla_due_at, id)");
                h.execute("CREATE INDEX cases_queue ON cases (team_id, assigned_staff_id, urgent, sla_due_at, id)");
                h.execute("ANALYZE");
            });
            Map<String, double[]> sql4 = measureSql(db, shapes, now, true);
            Map<String, String> plans4 = plans(db, shapes, now, true);
            Map<String, double[]> httpDropped = measureAll(http, base, shapes);

            System.out.printf("%n%-40s %17s %17s %17s %17s%n", "p50 / p95 in ms", "HTTP, V13", "SQL, V13",
                    "SQL, before V13", "HTTP, V13 query");
            System.out.printf("%-40s %17s %17s %17s %17s%n", "(" + ROUNDS + " runs each after " + WARMUP + " warm-up)",
                    "query+indexes", "query+indexes", "query+indexes", "w/o V13 indexes");
            for (Shape s : shapes) {
                System.out.printf("%-40s %17s %17s %17s %17s%n", s.name(), fmt(http13, s), fmt(sql13, s),
                        fmt(sql4, s), fmt(httpDropped, s));
            }
            System.out.printf("%nQuery plans (EXPLAIN QUERY PLAN), V13 query and indexes:%n");
            plans13.forEach((k, v) -> System.out.printf("  %s:%n%s", k, v));
            System.out.printf("%nQuery plans, the query and indexes before V13:%n");
            plans4.forEach((k, v) -> System.out.printf("  %s:%n%s", k, v));
        }
    }

    private static String fmt(Map<String, double[]> figures, Shape s) {
        double[] f = figures.get(s.name());
        return String.format("%7.2f /%7.2f", f[0], f[1]);
    }

    // Generation

    static final class Generated {
        final int[] casesPerPerson;
        int[] sortedCounts;
        int heaviest;
        int median;
        int open;
        int urgentOpen;
        int overdue;
        int queued;

        Generated(int persons) {
            casesPerPerson = new int[persons];
        }

        String email(int person) {
            return "bench-tp-" + person + "@bench.local";
        }

        int count(int person) {
            return casesPerPerson[person];
        }
    }

    private static Generated generate(Database db, int n, long now) {
        Random random = new Random(42);
        int teams = ORGANISATIONS * TEAMS_PER_ORGANISATION;
        int persons = teams * TRUST_PERSONS_PER_TEAM;
        Generated g = new Generated(persons);
        // Case load per trust person: log-normal, so a few carry thousands and most a few hundred.
        double[] weight = new double[persons];
        double total = 0;
        for (int p = 0; p < persons; p++) {
            weight[p] = Math.exp(random.nextGaussian() * 0.9);
            total += weight[p];
        }
        double[] cumulative = new double[persons];
        double running = 0;
        for (int p = 0; p < persons; p++) {
            running += weight[p] / total;
            cumulative[p] = running;
        }
        db.writeVoid(h -> {
            String hash = h.createQuery("SELECT password_hash FROM staff WHERE id = 'staff-demo-trust'")
                    .mapTo(String.class).one();
            for (int o = 0; o < ORGANISATIONS; o++) {
                h.execute("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)", "bench-org-" + o,
                        "Bench organisation " + o, now);
                h.execute("INSERT INTO regions (code, name, municipality, organisation_id) VALUES (?, ?, ?, ?)",
                        "bench-region-" + o, "Bench region " + o, "Bench " + o, "bench-org-" + o);
                for (int t = 0; t < TEAMS_PER_ORGANISATION; t++) {
                    String team = "bench-team-" + o + "-" + t;
                    h.execute("INSERT INTO teams (id, organisation_id, name, created_at) VALUES (?, ?, ?, ?)", team,
                            "bench-org-" + o, "Team " + t, now);
                    h.execute("""
                            INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash, created_at,
                                               team_id) VALUES (?, ?, ?, ?, 'coordinator', ?, ?, ?)""",
                            "bench-coord-" + o + "-" + t, "bench-org-" + o, "bench-coord-" + o + "-" + t + "@bench.local",
                            "Coordinator", hash, now, team);
                    for (int k = 0; k < TRUST_PERSONS_PER_TEAM; k++) {
                        int p = (o * TEAMS_PER_ORGANISATION + t) * TRUST_PERSONS_PER_TEAM + k;
                        h.execute("""
                                INSERT INTO staff (id, organisation_id, email, display_name, role, password_hash,
                                                   created_at, team_id) VALUES (?, ?, ?, ?, 'trust_person', ?, ?, ?)""",
                                "bench-tp-" + p, "bench-org-" + o, g.email(p), "Trust person", hash, now, team);
                    }
                }
            }
            insertCases(h, n, now, random, cumulative, g);
        });
        g.sortedCounts = g.casesPerPerson.clone();
        Arrays.sort(g.sortedCounts);
        for (int p = 0; p < persons; p++) {
            if (g.casesPerPerson[p] == g.sortedCounts[persons - 1]) {
                g.heaviest = p;
            }
            if (g.casesPerPerson[p] == g.sortedCounts[persons / 2]) {
                g.median = p;
            }
        }
        return g;
    }

    private static void insertCases(Handle h, int n, long now, Random random, double[] cumulative, Generated g) {
        PreparedBatch cases = h.prepareBatch("""
                INSERT INTO cases (id, organisation_id, kind, topic, setting, region_code, contact_preference, urgent,
                                   status, flow_version, assigned_staff_id, team_id, created_at, updated_at,
                                   first_response_due_at, first_response_at, resolution_due_at, sla_due_at, closed_at,
                                   staff_read_seq)
                VALUES (:id, :org, :kind, :topic, :setting, :region, 'app_message', :urgent, :status, 1, :staff, :team,
                        :created, :updated, :firstDue, :firstAt, :resolutionDue, :slaDue, :closedAt, :readSeq)""");
        PreparedBatch messages = h.prepareBatch("""
                INSERT INTO case_messages (id, case_id, seq, author, staff_id, key_id, body_enc, created_at)
                VALUES (:id, :caseId, :seq, :author, :staff, 'bench-key', 'c2VhbGVk', :created)""");
        int persons = cumulative.length;
        for (int i = 0; i < n; i++) {
            int p = Arrays.binarySearch(cumulative, random.nextDouble());
            p = Math.min(persons - 1, p < 0 ? -p - 1 : p);
            int teamIndex = p / TRUST_PERSONS_PER_TEAM;
            int org = teamIndex / TEAMS_PER_ORGANISATION;
            String team = "bench-team-" + org + "-" + (teamIndex % TEAMS_PER_ORGANISATION);
            boolean open = random.nextDouble() < 0.12;
            boolean urgent = random.nextDouble() < 0.07;
            String status = open ? OPEN[pick(random, OPEN_WEIGHTS)] : FINISHED[pick(random, FINISHED_WEIGHTS)];
            // Open cases are recent; finished ones spread over three years.
            long created = open ? now - (long) (random.nextDouble() * 60 * DAY)
                    : now - (long) (random.nextDouble() * 3 * 365 * DAY);
            String staff = "bench-tp-" + p;
            // Unassigned: a share of new cases waits in the coordinator's queue, some withdrawn before assignment;
            // a few have no team yet (the organisation's queue).
            boolean unassigned = status.equals("received") && random.nextDouble() < 0.35
                    || status.equals("withdrawn") && random.nextDouble() < 0.2;
            String caseTeam = team;
            if (unassigned) {
                staff = null;
                caseTeam = random.nextDouble() < 0.1 ? null : team;
                g.queued++;
            } else {
                g.casesPerPerson[p]++;
            }
            Long firstDue = created + (urgent ? 4 * HOUR : 2 * DAY);
            Long firstAt = status.equals("received") || unassigned ? null
                    : created + (long) (random.nextDouble() * (urgent ? 6 * HOUR : 3 * DAY));
            Long resolutionDue = created + 42 * DAY;
            Long slaDue = null;
            if (open) {
                // The earliest open deadline: around now, about a quarter of them passed.
                slaDue = now + (long) ((random.nextDouble() * 20 - 5) * DAY);
                if (urgent) {
                    slaDue = now + (long) ((random.nextDouble() * 16 - 4) * HOUR);
                }
                g.open++;
                g.urgentOpen += urgent ? 1 : 0;
                g.overdue += slaDue < now ? 1 : 0;
            }
            String id = String.format("bench-case-%07d", i);
            int messageCount = open ? random.nextInt(7) : 0;
            cases.bind("id", id).bind("org", "bench-org-" + org).bind("kind", "complaint")
                    .bind("topic", TOPICS[random.nextInt(TOPICS.length)])
                    .bind("setting", SETTINGS[random.nextInt(SETTINGS.length)]).bind("region", "bench-region-" + org)
                    .bind("urgent", urgent).bind("status", status).bind("staff", staff).bind("team", caseTeam)
                    .bind("created", created).bind("updated", created).bind("firstDue", firstDue)
                    .bind("firstAt", firstAt).bind("resolutionDue", resolutionDue).bind("slaDue", slaDue)
                    .bind("closedAt", open ? null : created + 20 * DAY)
                    .bind("readSeq", messageCount == 0 ? 0 : random.nextInt(messageCount + 1)).add();
            for (int m = 1; m <= messageCount; m++) {
                boolean young = m % 2 == 1;
                messages.bind("id", id + "-m" + m).bind("caseId", id).bind("seq", m)
                        .bind("author", young ? "young_person" : "trust_person").bind("staff", young ? null : staff)
                        .bind("created", created + m * HOUR).add();
            }
            if (i % 5000 == 4999) {
                cases.execute();
                messages.execute();
            }
        }
        cases.execute();
        messages.execute();
    }

    private static int pick(Random random, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // Measuring

    private static String login(HttpClient http, String base, String email) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + TestServer.DEMO_PASSWORD + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("log-in failed: " + r.statusCode());
        }
        return field(r.body(), "token");
    }

    private static String cursorAfterPages(HttpClient http, String base, String token, String path, int pages)
            throws Exception {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String body = get(http, base, token, path + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = field(body, "nextCursor");
            if (cursor == null) {
                throw new IllegalStateException("fewer than " + pages + " pages");
            }
        }
        return cursor;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String get(HttpClient http, String base, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static Map<String, double[]> measureAll(HttpClient http, String base, List<Shape> shapes)
            throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Shape s : shapes) {
            for (int i = 0; i < WARMUP; i++) {
                get(http, base, s.token(), s.path());
            }
            double[] ms = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                get(http, base, s.token(), s.path());
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            out.put(s.name(), new double[] {ms[ROUNDS / 2], ms[(int) (ROUNDS * 0.95)]});
        }
        return out;
    }

    private static Map<String, double[]> measureSql(Database db, List<Shape> shapes, long now, boolean beforeV13) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Shape s : shapes) {
            for (int i = 0; i < WARMUP; i++) {
                db.read(h -> query(h, s, now, beforeV13, "").mapToMap().list());
            }
            double[] ms = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                db.read(h -> query(h, s, now, beforeV13, "").mapToMap().list());
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            out.put(s.name(), new double[] {ms[ROUNDS / 2], ms[(int) (ROUNDS * 0.95)]});
        }
        return out;
    }

    /** SQLite's plan for the list's SQL, with the same parameters as the timed requests. */
    private static Map<String, String> plans(Database db, List<Shape> shapes, long now, boolean beforeV13) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Shape s : shapes) {
            String plan = db.read(h -> query(h, s, now, beforeV13, "EXPLAIN QUERY PLAN ")
                    .map((rs, ctx) -> "    " + rs.getString("detail") + "\n").list()).stream()
                    .reduce("", String::concat);
            out.put(s.name(), plan);
        }
        return out;
    }

    private static List<String> statuses(String status) {
        List<String> open = List.of(OPEN);
        if (status.equals("open")) {
            return open;
        }
        if (status.equals("all")) {
            List<String> all = new ArrayList<>(open);
            all.addAll(List.of(FINISHED));
            return all;
        }
        return List.of(status);
    }

    private static Query query(Handle h, Shape s, long now, boolean beforeV13, String prefix) {
        String team = "bench-team-0-0";
        String org = "bench-org-0";
        String[] cursor = s.cursor() == null ? null
                : new String(Base64.getUrlDecoder().decode(s.cursor()), StandardCharsets.UTF_8).split("\\|");
        if (!beforeV13) {
            return InboxQueries.listing(new InboxQueries.Request(s.scope(), s.staffId(), team, org,
                    statuses(s.status()).stream().map(nl.gehoord.intake.CaseStatus::of).toList(), s.urgentOnly(),
                    s.overdueOnly(),
                    cursor == null ? null : InboxQueries.rank(cursor[0].equals("1"), Long.parseLong(cursor[1])),
                    cursor == null ? null : cursor[2], 51, now)).query(h, prefix);
        }
        String teamScope = "(c.team_id = :team OR (c.team_id IS NULL AND c.organisation_id = :org))";
        String scope = switch (s.scope()) {
            case MINE -> "c.assigned_staff_id = :me";
            case QUEUE -> teamScope + " AND c.assigned_staff_id IS NULL";
            case TEAM -> teamScope;
        };
        return h.createQuery(prefix + ISSUE_4_SQL).define("scope", scope).bindList("statuses", statuses(s.status()))
                .bind("me", s.staffId()).bind("team", team).bind("org", org)
                .bind("urgentOnly", s.urgentOnly()).bind("overdueOnly", s.overdueOnly()).bind("now", now)
                .bind("hasCursor", cursor != null).bind("cUrgent", cursor != null && cursor[0].equals("1"))
                .bind("cDue", cursor == null ? 0L : Long.parseLong(cursor[1]))
                .bind("cId", cursor == null ? "" : cursor[2]).bind("limit", 51);
    }

    /** The list query as InboxService ran it before V13, for the baseline. */
    private static final String ISSUE_4_SQL = """
            SELECT c.id, c.kind, c.topic, c.setting, c.region_code, c.status, c.urgent, c.created_at, c.updated_at,
                   c.sla_due_at, c.first_response_due_at, c.first_response_at, c.next_response_since,
                   c.next_response_due_at, c.resolution_due_at, c.visit_requested, c.contact_preference,
                   c.assigned_staff_id,
                   (SELECT COUNT(*) FROM case_messages m WHERE m.case_id = c.id AND m.author = 'young_person'
                      AND m.seq > c.staff_read_seq) AS unread
            FROM cases c
            WHERE <scope> AND c.erased_at IS NULL AND c.status IN (<statuses>)
              AND (:urgentOnly = FALSE OR c.urgent = TRUE)
              AND (:overdueOnly = FALSE OR (c.sla_due_at IS NOT NULL AND c.sla_due_at < :now))
              AND (:hasCursor = FALSE OR (c.urgent = FALSE AND :cUrgent = TRUE) OR (c.urgent = :cUrgent
                   AND (COALESCE(c.sla_due_at, 9000000000000000) > :cDue
                        OR (COALESCE(c.sla_due_at, 9000000000000000) = :cDue AND c.id > :cId))))
            ORDER BY c.urgent DESC, COALESCE(c.sla_due_at, 9000000000000000), c.id
            LIMIT :limit
            """;
}
