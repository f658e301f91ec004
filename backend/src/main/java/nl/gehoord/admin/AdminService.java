package nl.gehoord.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import nl.gehoord.staff.StaffAccounts;
import nl.gehoord.staff.StaffDao;
import org.jdbi.v3.core.Handle;

/**
 * What admins manage, always within their own organisation: regions, teams, staff accounts (by invitation),
 * routing rules, a location's own trust person, time limits, and the audit log. Another organisation's ids answer
 * exactly as ids that do not exist (404 in a path, {@code unknown_option} in a body), so they leak nothing.
 * Admins never see case content and never set a password. Every change is audited.
 */
public final class AdminService {
    private static final String ID = "[a-z0-9][a-z0-9-]{1,62}";
    private static final List<String> ROLES = List.of("trust_person", "coordinator", "council", "admin");

    private final Database db;
    private final Tokens tokens;
    private final AuditLog audit;
    private final DueDates policies;
    private final StaffAccounts accounts;
    private final Clock clock;

    public AdminService(Database db, Tokens tokens, AuditLog audit, DueDates policies, StaffAccounts accounts,
                        Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.audit = audit;
        this.policies = policies;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record NewRegion(String code, String name, String municipality, String organisationId) {
    }

    public record NewTeam(String organisationId, String name) {
    }

    /**
     * A new staff account, made by invitation (there is no password field). {@code organisationId} may be left
     * out: it is the admin's own.
     */
    public record NewStaff(String email, String displayName, String role, String organisationId, String teamId) {
    }

    public record StaffChange(String teamId, Boolean active, Boolean available, Boolean resetTotp) {
    }

    public record NewRule(String organisationId, Integer priority, String region, String setting, String topic,
                          String teamId) {
    }

    public record LocationTrustPerson(String staffId) {
    }

    public record StaffView(String staffId, String email, String displayName, String role, String organisationId,
                            String teamId, boolean available, boolean active, boolean invitationPending,
                            boolean totpEnabled) {
    }

    /** A staff account with the invitation to hand to its owner (shown only in this answer). */
    public record InvitedStaff(String staffId, String email, String displayName, String role, String organisationId,
                               String teamId, boolean available, boolean active, boolean invitationPending,
                               boolean totpEnabled, String invitationToken, Instant invitationExpiresAt) {
        static InvitedStaff of(StaffView v, StaffAccounts.Invitation invitation) {
            return new InvitedStaff(v.staffId(), v.email(), v.displayName(), v.role(), v.organisationId(), v.teamId(),
                    v.available(), v.active(), v.invitationPending(), v.totpEnabled(), invitation.token(),
                    invitation.expiresAt());
        }
    }

    public record RuleView(String ruleId, String organisationId, int priority, String region, String setting,
                           String topic, String teamId) {
    }

    public record TeamView(String teamId, String organisationId, String name) {
    }

    /** A care location of the admin's organisation and its own trust person, if it has one. */
    public record LocationView(String locationId, String regionCode, String provider, String name,
                               String trustPersonId) {
    }

    public record OrganisationView(String organisationId, String name) {
    }

    public record AuditEntry(long seq, Instant at, String actorId, String actorRole, String action,
                             String caseId, String targetId, String hash) {
    }

    public record AuditPage(List<AuditEntry> entries, Long nextAfter) {
    }

    // Organisations and regions

    /** The admin's own organisation (a new organisation comes with its first admin: the create-admin command). */
    public List<OrganisationView> organisations(Actor.Staff admin) {
        return db.read(h -> h.attach(PlacesDao.class).organisation(admin.organisationId()).stream()
                .map(o -> new OrganisationView(o.id(), o.name())).toList());
    }

    public List<PlacesDao.Region> regions(Actor.Staff admin) {
        return db.read(h -> h.attach(PlacesDao.class).regionsOf(admin.organisationId()));
    }

    public PlacesDao.Region createRegion(Actor.Staff admin, NewRegion request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.code() == null || !request.code().matches(ID)) {
            errors.add(new FieldError("code", request.code() == null ? "required" : "invalid_value"));
        }
        String name = TextRules.clean(request.name(), "name", 200, true, errors);
        String municipality = TextRules.clean(request.municipality(), "municipality", 200, true, errors);
        throwIf(errors);
        String organisationId = ownOrganisation(admin, request.organisationId());
        return db.write(h -> {
            PlacesDao places = h.attach(PlacesDao.class);
            if (places.region(request.code()).isPresent()) {
                throw ApiException.conflict("already_exists");
            }
            PlacesDao.Region region = new PlacesDao.Region(request.code(), name, municipality, organisationId);
            places.insertRegion(region);
            audit.append(h, who(admin), "admin.region.create", null, request.code());
            return region;
        });
    }

    // Teams

    public List<TeamView> teams(Actor.Staff admin) {
        return db.read(h -> h.attach(InboxDao.class).teamsOf(admin.organisationId()).stream()
                .map(t -> new TeamView(t.id(), t.organisationId(), t.name())).toList());
    }

    public TeamView createTeam(Actor.Staff admin, NewTeam request) {
        String name = required(request.name(), "name", 200);
        String organisationId = ownOrganisation(admin, request.organisationId());
        String id = tokens.id();
        return db.write(h -> {
            h.attach(InboxDao.class).insertTeam(new InboxDao.Team(id, organisationId, name, clock.millis()));
            audit.append(h, who(admin), "admin.team.create", null, id);
            return new TeamView(id, organisationId, name);
        });
    }

    // Staff

    /** The accounts of the admin's organisation; asking for another organisation finds none. */
    public List<StaffView> staff(Actor.Staff admin, String organisationId) {
        if (organisationId != null && !organisationId.equals(admin.organisationId())) {
            return List.of();
        }
        return db.read(h -> accounts.listingOfOrganisation(h, admin.organisationId())).stream()
                .map(AdminService::staffView).toList();
    }

    /** Creates an account without a password and returns the invitation its owner uses to set one. */
    public InvitedStaff inviteStaff(Actor.Staff admin, NewStaff request) {
        List<FieldError> errors = new ArrayList<>();
        String email = request.email() == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", email == null ? "required" : "invalid_value"));
        }
        String displayName = TextRules.clean(request.displayName(), "displayName", 200, true, errors);
        if (request.role() == null || !ROLES.contains(request.role())) {
            errors.add(new FieldError("role", request.role() == null ? "required" : "unknown_option"));
        }
        throwIf(errors);
        String organisationId = ownOrganisation(admin, request.organisationId());
        String id = tokens.id();
        return db.write(h -> {
            if (accounts.emailTaken(h, email)) {
                throw ApiException.conflict("already_exists");
            }
            checkTeam(h, request.teamId(), organisationId);
            StaffAccounts.Invitation invitation = accounts.invite(h, who(admin), id, new StaffAccounts.NewAccount(
                    organisationId, email, displayName, request.role(), request.teamId()));
            return InvitedStaff.of(staffView(h, id), invitation);
        });
    }

    /** Resets an account: the old password, sessions and known devices end; the owner gets a new invitation. */
    public InvitedStaff reinviteStaff(Actor.Staff admin, String staffId) {
        return db.write(h -> {
            ownStaff(h, admin, staffId);
            StaffAccounts.Invitation invitation = accounts.reinvite(h, who(admin), staffId);
            return InvitedStaff.of(staffView(h, staffId), invitation);
        });
    }

    public StaffView changeStaff(Actor.Staff admin, String staffId, StaffChange change) {
        return db.write(h -> {
            StaffDao.Listing row = ownStaff(h, admin, staffId);
            if (change.teamId() != null) {
                checkTeam(h, change.teamId(), row.organisationId());
                accounts.setTeam(h, staffId, change.teamId());
            }
            if (change.available() != null) {
                accounts.setAvailable(h, staffId, change.available());
            }
            if (change.active() != null) {
                accounts.setActive(h, staffId, change.active());
            }
            if (Boolean.TRUE.equals(change.resetTotp())) {
                accounts.resetSecondFactor(h, staffId);
            }
            audit.append(h, who(admin), "admin.staff.change", null, staffId);
            return staffView(h, staffId);
        });
    }

    private StaffDao.Listing ownStaff(Handle h, Actor.Staff admin, String staffId) {
        return accounts.listing(h, staffId).filter(s -> s.organisationId().equals(admin.organisationId()))
                .orElseThrow(ApiException::notFound);
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

    private StaffView staffView(Handle h, String id) {
        return staffView(accounts.listing(h, id).orElseThrow(ApiException::notFound));
    }

    private static StaffView staffView(StaffDao.Listing s) {
        return new StaffView(s.id(), s.email(), s.displayName(), s.role(), s.organisationId(), s.teamId(),
                s.available(), s.active(), !s.passwordSet(), s.totpEnabled());
    }

    // Routing

    public List<RuleView> rules(Actor.Staff admin) {
        return db.read(h -> InboxDao.rules(h, admin.organisationId()).stream()
                .map(AdminService::ruleView).toList());
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
        String organisationId = ownOrganisation(admin, request.organisationId());
        String id = tokens.id();
        return db.write(h -> {
            checkTeam(h, request.teamId(), organisationId);
            if (request.region() != null && h.attach(PlacesDao.class).region(request.region())
                    .filter(r -> r.organisationId().equals(organisationId)).isEmpty()) {
                throw ApiException.validation("region", "unknown_option");
            }
            InboxDao.Rule rule = new InboxDao.Rule(id, organisationId, request.priority(), request.region(),
                    request.setting(), request.topic(), request.teamId(), clock.millis());
            h.attach(InboxDao.class).insertRule(rule);
            audit.append(h, who(admin), "admin.rule.create", null, id);
            return ruleView(rule);
        });
    }

    public void deleteRule(Actor.Staff admin, String ruleId) {
        db.writeVoid(h -> {
            if (h.attach(InboxDao.class).deleteRuleOf(ruleId, admin.organisationId()) == 0) {
                throw ApiException.notFound();
            }
            audit.append(h, who(admin), "admin.rule.delete", null, ruleId);
        });
    }

    /**
     * Gives a location of the admin's organisation its own trust person (the one who visits it), or none with a
     * null staffId. The trust person must work for the same organisation: they get the location's cases first.
     */
    public void setLocationTrustPerson(Actor.Staff admin, String locationId, String staffId) {
        db.writeVoid(h -> {
            PlacesDao places = h.attach(PlacesDao.class);
            PlacesDao.Location location = places.location(locationId)
                    .filter(l -> places.region(l.regionCode()).map(PlacesDao.Region::organisationId)
                            .filter(admin.organisationId()::equals).isPresent())
                    .orElseThrow(ApiException::notFound);
            if (staffId != null) {
                accounts.listing(h, staffId).filter(s -> "trust_person".equals(s.role()) && s.active()
                                && s.organisationId().equals(admin.organisationId()))
                        .orElseThrow(() -> ApiException.validation("staffId", "unknown_option"));
            }
            InboxDao dao = h.attach(InboxDao.class);
            dao.clearLocationTrustPerson(location.id());
            if (staffId != null) {
                dao.setLocationTrustPerson(location.id(), staffId, clock.millis());
            }
            audit.append(h, who(admin), "admin.location.trust_person", null, locationId);
        });
    }

    /** The care locations in the admin's regions, each with its own trust person (or none). */
    public List<LocationView> locations(Actor.Staff admin) {
        return db.read(h -> h.attach(InboxDao.class).locationsOf(admin.organisationId())).stream()
                .map(l -> new LocationView(l.id(), l.regionCode(), l.provider(), l.name(), l.trustPersonId()))
                .toList();
    }

    // Time limits

    public SlaPolicy policy(Actor.Staff admin, String organisationId) {
        ownOrganisationInPath(admin, organisationId);
        return db.read(h -> policies.policy(h, organisationId));
    }

    public SlaPolicy setPolicy(Actor.Staff admin, String organisationId, SlaPolicy policy) {
        ownOrganisationInPath(admin, organisationId);
        List<FieldError> errors = new ArrayList<>();
        range(errors, "firstResponseWorkingDays", policy.firstResponseWorkingDays(), 1, 30);
        range(errors, "urgentFirstResponseMinutes", policy.urgentFirstResponseMinutes(), 15, 24 * 60);
        range(errors, "nextResponseWorkingDays", policy.nextResponseWorkingDays(), 1, 30);
        range(errors, "resolutionWorkingDays", policy.resolutionWorkingDays(), 1, 365);
        throwIf(errors);
        return db.write(h -> {
            policies.setPolicy(h, organisationId, policy);
            audit.append(h, who(admin), "admin.sla.change", null, organisationId);
            return policies.policy(h, organisationId);
        });
    }

    // Audit

    /** The audit entries about the admin's organisation. */
    public AuditPage audit(Actor.Staff admin, long after, int limit) {
        List<AuditEntry> entries = db.read(h -> h.attach(AuditDao.class)
                        .pageForOrganisation(admin.organisationId(), after, limit)).stream()
                .map(e -> new AuditEntry(e.seq(), Instant.ofEpochMilli(e.at()), e.actorId(), e.actorRole(),
                        e.action(), e.caseId(), e.targetId(), e.mac()))
                .toList();
        return new AuditPage(entries, entries.size() == limit ? entries.get(limit - 1).seq() : null);
    }

    public AuditLog.Verification verifyAudit() {
        return audit.verify(db);
    }

    // Shared

    /** The organisation a request names in its body: the admin's own when left out; any other is unknown. */
    private static String ownOrganisation(Actor.Staff admin, String organisationId) {
        if (organisationId != null && !organisationId.equals(admin.organisationId())) {
            throw ApiException.validation("organisationId", "unknown_option");
        }
        return admin.organisationId();
    }

    private static void ownOrganisationInPath(Actor.Staff admin, String organisationId) {
        if (!admin.organisationId().equals(organisationId)) {
            throw ApiException.notFound();
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
