package nl.gehoord.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.gehoord.audit.AuditDao;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.intake.TextRules;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.sla.DueDates;
import nl.gehoord.sla.SlaPolicy;
import nl.gehoord.staff.Passwords;
import nl.gehoord.staff.StaffDao;
import org.jdbi.v3.core.Handle;

/**
 * What admins manage: organisations, regions, teams, staff accounts, routing rules, a location's own trust
 * person, time limits, and the audit log. Admins never see case content. Every change is audited.
 */
public final class AdminService {
    private static final String ID = "[a-z0-9][a-z0-9-]{1,62}";

    private final Database db;
    private final Tokens tokens;
    private final AuditLog audit;
    private final DueDates policies;
    private final Clock clock;
    private final List<StaffExtension> staffExtensions = new CopyOnWriteArrayList<>();

    public AdminService(Database db, Tokens tokens, AuditLog audit, DueDates policies, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.audit = audit;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Lets another feature check and store its own fields of a new staff account (a council member's scope, for
     * example) in the same transaction. Add the fields to {@link NewStaff}; wire the extension in App.
     */
    public interface StaffExtension {
        void validate(NewStaff request, List<FieldError> errors);

        void created(Handle h, String staffId, NewStaff request);
    }

    public AdminService extendStaff(StaffExtension extension) {
        staffExtensions.add(extension);
        return this;
    }

    public record NewOrganisation(String name) {
    }

    public record NewRegion(String code, String name, String municipality, String organisationId) {
    }

    public record NewTeam(String organisationId, String name) {
    }

    /** A new staff account. Other features add their optional fields here (see {@link StaffExtension}). */
    public record NewStaff(String email, String displayName, String role, String organisationId, String teamId,
                           String password) {
    }

    public record StaffChange(String teamId, Boolean active, Boolean available, Boolean resetTotp) {
    }

    public record NewRule(String organisationId, Integer priority, String region, String setting, String topic,
                          String teamId) {
    }

    public record LocationTrustPerson(String staffId) {
    }

    public record StaffView(String staffId, String email, String displayName, String role, String organisationId,
                            String teamId, boolean available, boolean active) {
    }

    public record RuleView(String ruleId, String organisationId, int priority, String region, String setting,
                           String topic, String teamId) {
    }

    public record TeamView(String teamId, String organisationId, String name) {
    }

    public record OrganisationView(String organisationId, String name) {
    }

    public record AuditEntry(long seq, java.time.Instant at, String actorId, String actorRole, String action,
                             String caseId, String targetId, String hash) {
    }

    public record AuditPage(List<AuditEntry> entries, Long nextAfter) {
    }

    // Organisations and regions

    public List<OrganisationView> organisations() {
        return db.read(h -> h.attach(PlacesDao.class).organisations().stream()
                .map(o -> new OrganisationView(o.id(), o.name())).toList());
    }

    public OrganisationView createOrganisation(Actor.Staff admin, NewOrganisation request) {
        String name = required(request.name(), "name", 200);
        String id = tokens.id();
        return db.write(h -> {
            h.attach(PlacesDao.class).insertOrganisation(new PlacesDao.Organisation(id, name, clock.millis()));
            audit.append(h, who(admin), "admin.organisation.create", null, id);
            return new OrganisationView(id, name);
        });
    }

    public List<PlacesDao.Region> regions() {
        return db.read(h -> h.attach(PlacesDao.class).regions());
    }

    public PlacesDao.Region createRegion(Actor.Staff admin, NewRegion request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.code() == null || !request.code().matches(ID)) {
            errors.add(new FieldError("code", request.code() == null ? "required" : "invalid_value"));
        }
        String name = TextRules.clean(request.name(), "name", 200, true, errors);
        String municipality = TextRules.clean(request.municipality(), "municipality", 200, true, errors);
        throwIf(errors);
        return db.write(h -> {
            PlacesDao places = h.attach(PlacesDao.class);
            organisation(h, request.organisationId());
            if (places.region(request.code()).isPresent()) {
                throw ApiException.conflict("already_exists");
            }
            PlacesDao.Region region = new PlacesDao.Region(request.code(), name, municipality, request.organisationId());
            places.insertRegion(region);
            audit.append(h, who(admin), "admin.region.create", null, request.code());
            return region;
        });
    }

    // Teams

    public List<TeamView> teams() {
        return db.read(h -> h.attach(InboxDao.class).teams().stream()
                .map(t -> new TeamView(t.id(), t.organisationId(), t.name())).toList());
    }

    public TeamView createTeam(Actor.Staff admin, NewTeam request) {
        String name = required(request.name(), "name", 200);
        String id = tokens.id();
        return db.write(h -> {
            organisation(h, request.organisationId());
            h.attach(InboxDao.class).insertTeam(new InboxDao.Team(id, request.organisationId(), name, clock.millis()));
            audit.append(h, who(admin), "admin.team.create", null, id);
            return new TeamView(id, request.organisationId(), name);
        });
    }

    // Staff

    public List<StaffView> staff(String organisationId) {
        return db.read(h -> {
            List<String> ids = organisationId == null
                    ? h.createQuery("SELECT id FROM staff ORDER BY email").mapTo(String.class).list()
                    : h.createQuery("SELECT id FROM staff WHERE organisation_id = :o ORDER BY email")
                            .bind("o", organisationId).mapTo(String.class).list();
            return ids.stream().map(id -> staffView(h, id)).toList();
        });
    }

    public StaffView createStaff(Actor.Staff admin, NewStaff request) {
        List<FieldError> errors = new ArrayList<>();
        String email = request.email() == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", email == null ? "required" : "invalid_value"));
        }
        String displayName = TextRules.clean(request.displayName(), "displayName", 200, true, errors);
        if (request.role() == null || !List.of("trust_person", "coordinator", "council", "admin").contains(request.role())) {
            errors.add(new FieldError("role", request.role() == null ? "required" : "unknown_option"));
        }
        if (request.password() == null || request.password().length() < Passwords.MIN_LENGTH
                || request.password().length() > 1024) {
            errors.add(new FieldError("password", request.password() == null ? "required" : "too_short"));
        }
        if (request.organisationId() == null) {
            errors.add(new FieldError("organisationId", "required"));
        }
        staffExtensions.forEach(e -> e.validate(request, errors));
        throwIf(errors);
        String hash = Passwords.hash(request.password());
        String id = tokens.id();
        return db.write(h -> {
            organisation(h, request.organisationId());
            StaffDao dao = h.attach(StaffDao.class);
            if (dao.byEmail(email).isPresent()) {
                throw ApiException.conflict("already_exists");
            }
            checkTeam(h, request.teamId(), request.organisationId());
            dao.insert(new StaffDao.StaffRow(id, request.organisationId(), email, displayName, request.role(), hash,
                    true, true, clock.millis()));
            if (request.teamId() != null) {
                setTeam(h, id, request.teamId());
            }
            staffExtensions.forEach(e -> e.created(h, id, request));
            audit.append(h, who(admin), "admin.staff.create", null, id);
            return staffView(h, id);
        });
    }

    public StaffView changeStaff(Actor.Staff admin, String staffId, StaffChange change) {
        return db.write(h -> {
            StaffDao dao = h.attach(StaffDao.class);
            StaffDao.StaffRow row = dao.byId(staffId).orElseThrow(ApiException::notFound);
            if (change.teamId() != null) {
                checkTeam(h, change.teamId(), row.organisationId());
                setTeam(h, staffId, change.teamId());
            }
            if (change.available() != null) {
                dao.setAvailable(staffId, change.available());
            }
            if (change.active() != null) {
                h.createUpdate("UPDATE staff SET active = :active WHERE id = :id")
                        .bind("active", change.active().booleanValue()).bind("id", staffId).execute();
                if (!change.active()) {
                    h.createUpdate("DELETE FROM staff_sessions WHERE staff_id = :id").bind("id", staffId).execute();
                }
            }
            if (Boolean.TRUE.equals(change.resetTotp())) {
                h.createUpdate("UPDATE staff SET totp_secret_enc = NULL WHERE id = :id").bind("id", staffId).execute();
            }
            audit.append(h, who(admin), "admin.staff.change", null, staffId);
            return staffView(h, staffId);
        });
    }

    private static void setTeam(Handle h, String staffId, String teamId) {
        h.createUpdate("UPDATE staff SET team_id = :team WHERE id = :id").bind("team", teamId).bind("id", staffId)
                .execute();
    }

    private static void checkTeam(Handle h, String teamId, String organisationId) {
        if (teamId == null) {
            return;
        }
        Optional<InboxDao.Team> team = h.attach(InboxDao.class).team(teamId);
        if (team.isEmpty() || !team.get().organisationId().equals(organisationId)) {
            throw ApiException.validation("teamId", "unknown_option");
        }
    }

    private static StaffView staffView(Handle h, String id) {
        StaffDao.StaffRow row = h.attach(StaffDao.class).byId(id).orElseThrow(ApiException::notFound);
        String team = h.attach(InboxDao.class).teamOf(id).orElse(null);
        return new StaffView(row.id(), row.email(), row.displayName(), row.role(), row.organisationId(), team,
                row.available(), row.active());
    }

    // Routing

    public List<RuleView> rules() {
        return db.read(h -> h.attach(InboxDao.class).allRules().stream().map(AdminService::ruleView).toList());
    }

    public RuleView createRule(Actor.Staff admin, NewRule request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.priority() == null || request.priority() < 0 || request.priority() > 1_000_000) {
            errors.add(new FieldError("priority", request.priority() == null ? "required" : "invalid_value"));
        }
        for (String[] f : new String[][] {{"setting", request.setting()}, {"topic", request.topic()}}) {
            if (f[1] != null && !f[1].matches("[a-z0-9_]{1,64}")) {
                errors.add(new FieldError(f[0], "invalid_value"));
            }
        }
        if (request.teamId() == null) {
            errors.add(new FieldError("teamId", "required"));
        }
        throwIf(errors);
        String id = tokens.id();
        return db.write(h -> {
            organisation(h, request.organisationId());
            checkTeam(h, request.teamId(), request.organisationId());
            if (request.region() != null && h.attach(PlacesDao.class).region(request.region()).isEmpty()) {
                throw ApiException.validation("region", "unknown_option");
            }
            InboxDao.Rule rule = new InboxDao.Rule(id, request.organisationId(), request.priority(), request.region(),
                    request.setting(), request.topic(), request.teamId(), clock.millis());
            h.attach(InboxDao.class).insertRule(rule);
            audit.append(h, who(admin), "admin.rule.create", null, id);
            return ruleView(rule);
        });
    }

    public void deleteRule(Actor.Staff admin, String ruleId) {
        db.writeVoid(h -> {
            if (h.attach(InboxDao.class).deleteRule(ruleId) == 0) {
                throw ApiException.notFound();
            }
            audit.append(h, who(admin), "admin.rule.delete", null, ruleId);
        });
    }

    /** Gives a location its own trust person (the one who visits it), or none with a null staffId. */
    public void setLocationTrustPerson(Actor.Staff admin, String locationId, String staffId) {
        db.writeVoid(h -> {
            PlacesDao.Location location = h.attach(PlacesDao.class).location(locationId)
                    .orElseThrow(ApiException::notFound);
            InboxDao dao = h.attach(InboxDao.class);
            dao.clearLocationTrustPerson(location.id());
            if (staffId != null) {
                dao.member(staffId).filter(m -> "trust_person".equals(m.role()) && m.active())
                        .orElseThrow(() -> ApiException.validation("staffId", "unknown_option"));
                dao.setLocationTrustPerson(location.id(), staffId, clock.millis());
            }
            audit.append(h, who(admin), "admin.location.trust_person", null, locationId);
        });
    }

    // Time limits

    public SlaPolicy policy(String organisationId) {
        return db.read(h -> {
            organisation(h, organisationId);
            return policies.policy(h, organisationId);
        });
    }

    public SlaPolicy setPolicy(Actor.Staff admin, String organisationId, SlaPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "firstResponseWorkingDays", policy.firstResponseWorkingDays(), 1, 30);
        range(errors, "urgentFirstResponseMinutes", policy.urgentFirstResponseMinutes(), 15, 24 * 60);
        range(errors, "nextResponseWorkingDays", policy.nextResponseWorkingDays(), 1, 30);
        range(errors, "resolutionWorkingDays", policy.resolutionWorkingDays(), 1, 365);
        throwIf(errors);
        return db.write(h -> {
            organisation(h, organisationId);
            policies.setPolicy(h, organisationId, policy);
            audit.append(h, who(admin), "admin.sla.change", null, organisationId);
            return policies.policy(h, organisationId);
        });
    }

    // Audit

    public AuditPage audit(long after, int limit) {
        List<AuditEntry> entries = db.read(h -> h.attach(AuditDao.class).page(after, limit)).stream()
                .map(e -> new AuditEntry(e.seq(), java.time.Instant.ofEpochMilli(e.at()), e.actorId(), e.actorRole(),
                        e.action(), e.caseId(), e.targetId(), e.hash()))
                .toList();
        return new AuditPage(entries, entries.size() == limit ? entries.get(limit - 1).seq() : null);
    }

    public AuditLog.Verification verifyAudit() {
        return AuditLog.verify(db);
    }

    // Shared

    private static void organisation(Handle h, String organisationId) {
        if (organisationId == null) {
            throw ApiException.validation("organisationId", "required");
        }
        if (h.attach(PlacesDao.class).organisation(organisationId).isEmpty()) {
            throw ApiException.validation("organisationId", "unknown_option");
        }
    }

    private static String required(String value, String field, int max) {
        List<FieldError> errors = new ArrayList<>();
        String clean = TextRules.clean(value, field, max, true, errors);
        throwIf(errors);
        return clean;
    }

    private static void range(List<FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "invalid_value"));
        }
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static RuleView ruleView(InboxDao.Rule r) {
        return new RuleView(r.id(), r.organisationId(), r.priority(), r.regionCode(), r.setting(), r.topic(),
                r.teamId());
    }

    private static AuditLog.Who who(Actor.Staff admin) {
        return new AuditLog.Who(admin.staffId(), admin.role().stored());
    }
}
