package nl.gehoord.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.gehoord.intake.CaseStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of the inbox and queue lists, shaped so that the indexes of migration V13 give the rows in order: the
 * order is one key ({@link #RANK}, then id), each part of the scope is an equality on the index's leading columns,
 * and a cursor is a range on the key. So a page is an index scan that stops after LIMIT rows, however many cases
 * there are, and a later page starts with a seek rather than reading the pages before it.
 */
public final class InboxQueries {
    /** Added to the key of a case that is not urgent, so all urgent cases come first. */
    public static final long NOT_URGENT = 10_000_000_000_000_000L;
    /** The key's deadline part for a case without an open deadline, so those come last. */
    public static final long NO_DEADLINE = 9_000_000_000_000_000L;
    /** Urgent first, then the earliest open deadline, none last. Written exactly as in the V13 indexes. */
    static final String RANK = "(CASE WHEN c.urgent = TRUE THEN 0 ELSE 10000000000000000 END"
            + " + COALESCE(c.sla_due_at, 9000000000000000))";
    /**
     * The open statuses as the partial index cases_inbox_open says them: a query must say exactly this (literals,
     * same order) for SQLite and PostgreSQL to know the index holds every row it wants.
     */
    static final String OPEN_STATUSES = "c.status IN (" + CaseStatus.openLiterals() + ")";
    private static final String COLUMNS = """
            c.id, c.kind, c.topic, c.setting, c.region_code, c.age_band, c.status, c.urgent, c.created_at, c.updated_at,
            c.sla_due_at, c.first_response_due_at, c.first_response_at, c.next_response_since,
            c.next_response_due_at, c.resolution_due_at, c.visit_requested, c.contact_preference,
            c.assigned_staff_id, c.staff_read_seq""";
    private static final String UNREAD = """
            (SELECT COUNT(*) FROM case_messages m WHERE m.case_id = c.id AND m.author = 'young_person'
               AND m.seq > c.staff_read_seq) AS unread""";

    private InboxQueries() {
    }

    /** Whose cases: mine (the trust person's), the unassigned queue, or all of the team's. */
    public enum Scope {
        MINE, QUEUE, TEAM
    }

    /** The key of a case in list order. */
    public static long rank(boolean urgent, Long slaDueAt) {
        return (urgent ? 0 : NOT_URGENT) + (slaDueAt == null ? NO_DEADLINE : slaDueAt);
    }

    /**
     * One list request.
     *
     * @param afterRank with afterId: the key and id of the last row of the previous page, or null for the first page
     * @param limit     rows to fetch
     */
    public record Request(Scope scope, String staffId, String teamId, String organisationId, List<CaseStatus> statuses,
                          boolean urgentOnly, boolean overdueOnly, Long afterRank, String afterId, int limit, long now) {
    }

    /** SQL text and its named parameters. */
    public record Listing(String sql, Map<String, Object> params) {
        public Query query(Handle h) {
            return query(h, "");
        }

        /** With a prefix such as "EXPLAIN QUERY PLAN " (the inbox benchmark shows the plans). */
        public Query query(Handle h, String prefix) {
            Query q = h.createQuery(prefix + sql);
            params.forEach(q::bind);
            return q;
        }
    }

    public static Listing listing(Request r) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", r.limit());
        StringBuilder filters = new StringBuilder(" AND c.erased_at IS NULL").append(statusTerm(r.statuses(), params));
        if (r.urgentOnly()) {
            // The urgent cases are the keys below NOT_URGENT: a range on the index, not a filter.
            filters.append(" AND ").append(RANK).append(" < ").append(NOT_URGENT);
        }
        if (r.overdueOnly()) {
            filters.append(" AND c.sla_due_at IS NOT NULL AND c.sla_due_at < :now");
            params.put("now", r.now());
        }
        if (r.afterRank() != null) {
            filters.append(" AND ").append(RANK).append(" >= :afterRank AND (").append(RANK)
                    .append(" > :afterRank OR c.id > :afterId)");
            params.put("afterRank", r.afterRank());
            params.put("afterId", r.afterId());
        }
        String order = " ORDER BY " + RANK + ", c.id LIMIT :limit";
        if (r.scope() == Scope.MINE) {
            params.put("me", r.staffId());
            String sql = "SELECT " + COLUMNS + ",\n" + UNREAD + "\nFROM cases c WHERE c.assigned_staff_id = :me"
                    + filters + order;
            return new Listing(sql, params);
        }
        // A coordinator sees their team's cases and their organisation's cases that no team has yet: two ordered
        // branches, each an index scan that stops at LIMIT, merged. (One OR over both could use neither index.)
        params.put("team", r.teamId() == null ? "" : r.teamId());
        params.put("org", r.organisationId());
        String unassigned = r.scope() == Scope.QUEUE ? " AND c.assigned_staff_id IS NULL" : "";
        String branch = "SELECT * FROM (SELECT " + COLUMNS + ", " + RANK + " AS sort_rank FROM cases c WHERE ";
        String sql = "SELECT " + COLUMNS + ",\n" + UNREAD + "\nFROM ("
                + branch + "c.team_id = :team" + unassigned + filters + order + ") team_cases"
                + "\nUNION ALL\n"
                + branch + "c.team_id IS NULL AND c.organisation_id = :org" + unassigned + filters + order
                + ") organisation_cases"
                + "\n) c ORDER BY c.sort_rank, c.id LIMIT :limit";
        return new Listing(sql, params);
    }

    /** Open (the partial index), one status (an equality the index starts with), or all (no term at all). */
    private static String statusTerm(List<CaseStatus> statuses, Map<String, Object> params) {
        if (Set.copyOf(statuses).equals(Set.copyOf(CaseStatus.OPEN))) {
            return " AND " + OPEN_STATUSES;
        }
        if (Set.copyOf(statuses).size() == CaseStatus.values().length) {
            return "";
        }
        if (statuses.size() == 1) {
            params.put("status", statuses.get(0).code());
            return " AND c.status = :status";
        }
        throw new IllegalArgumentException("a list shows open cases, one status or all");
    }
}
