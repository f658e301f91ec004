package nl.gehoord.web;

import io.javalin.http.Context;
import java.util.List;
import nl.gehoord.admin.AdminService;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.sla.SlaPolicy;

/**
 * The administrator's pages: the audit log and its verification, staff (invite, deactivate, team), teams, routing
 * rules with each location's own trust person, and time limits. Every read and change is the AdminService call the
 * admin API makes, so the rules (own organisation only, audited, no case content) hold here as they do there. A
 * form's refusal comes back as a plain-words message on the page it came from.
 */
public final class AdminPages {
    private static final int AUDIT_PAGE = 100;

    private final AdminService admin;
    private final Pages pages;

    public AdminPages(AdminService admin, Pages pages) {
        this.admin = admin;
        this.pages = pages;
    }

    /** The lists the staff and team pages share, with names looked up by id. */
    public record People(List<AdminService.StaffView> staff, List<AdminService.TeamView> teams) {
        public String teamName(String teamId) {
            return teamId == null ? "" : teams.stream().filter(t -> t.teamId().equals(teamId))
                    .map(AdminService.TeamView::name).findFirst().orElse(teamId);
        }

        public String staffName(String staffId) {
            return staffId == null ? null : staff.stream().filter(s -> s.staffId().equals(staffId))
                    .map(AdminService.StaffView::displayName).findFirst().orElse(null);
        }

        public List<AdminService.StaffView> members(String teamId) {
            return staff.stream().filter(s -> teamId.equals(s.teamId())).toList();
        }

        public List<AdminService.StaffView> trustPersons() {
            return staff.stream().filter(s -> s.active() && s.role().equals("trust_person")).toList();
        }
    }

    private People people(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        return new People(admin.staff(me, null), admin.teams(me));
    }

    public void page(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        pages.render(ctx, "admin.jte", pages.titled(ctx, "admin.title", "admin"),
                "audit", admin.verifyAudit(), "people", people(ctx), "organisations", admin.organisations(me),
                "rules", admin.rules(me).size(), "locations", admin.locations(me).size());
    }

    // Staff

    public void staffPage(Context ctx) {
        showStaff(ctx, null);
    }

    private void showStaff(Context ctx, AdminService.InvitedStaff invited) {
        pages.render(ctx, "adminStaff.jte", pages.titled(ctx, "admin.staff", "admin"),
                "people", people(ctx), "invited", invited);
    }

    /** The invitation's code is shown in this answer only: the server keeps just its hash. */
    public void invite(Context ctx) {
        AdminService.InvitedStaff invited;
        try {
            invited = admin.inviteStaff(Http.staff(ctx), new AdminService.NewStaff(field(ctx, "email"),
                    field(ctx, "displayName"), field(ctx, "role"), null, field(ctx, "teamId")));
        } catch (ApiException e) {
            refusedOr404(ctx, "/web/admin/staff", e);
            return;
        }
        showStaff(ctx, invited);
    }

    /** One change at a time: the account off or on again, or another team. */
    public void changeStaff(Context ctx) {
        String back = "/web/admin/staff";
        String staffId = Http.idParam(ctx, "staffId");
        String active = field(ctx, "active");
        String teamId = field(ctx, "teamId");
        act(ctx, back, active == null ? "team" : "true".equals(active) ? "activated" : "deactivated", () -> {
            if (active == null && teamId == null) {
                throw ApiException.validation("teamId", "required");
            }
            admin.changeStaff(Http.staff(ctx), staffId, new AdminService.StaffChange(teamId,
                    active == null ? null : "true".equals(active), null, null));
        });
    }

    // Teams

    public void teamsPage(Context ctx) {
        pages.render(ctx, "adminTeams.jte", pages.titled(ctx, "admin.teams", "admin"),
                "people", people(ctx));
    }

    public void createTeam(Context ctx) {
        act(ctx, "/web/admin/teams", "team_created",
                () -> admin.createTeam(Http.staff(ctx), new AdminService.NewTeam(null, field(ctx, "name"))));
    }

    /** Moves a staff member into this team (a staff member is in one team at a time). */
    public void addMember(Context ctx) {
        String teamId = Http.idParam(ctx, "teamId");
        String staffId = field(ctx, "staffId");
        act(ctx, "/web/admin/teams", "team", () -> {
            if (staffId == null || !staffId.matches("[A-Za-z0-9-]{1,64}")) {
                throw ApiException.validation("staffId", staffId == null ? "required" : "unknown_option");
            }
            admin.changeStaff(Http.staff(ctx), staffId, new AdminService.StaffChange(teamId, null, null, null));
        });
    }

    // Routing

    public void routingPage(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        pages.render(ctx, "adminRouting.jte", pages.titled(ctx, "admin.routing", "admin"),
                "people", people(ctx), "rules", admin.rules(me), "regions", admin.regions(me),
                "locations", admin.locations(me));
    }

    public void createRule(Context ctx) {
        act(ctx, "/web/admin/routing", "rule_created", () -> admin.createRule(Http.staff(ctx),
                new AdminService.NewRule(null, integer(ctx, "priority"), field(ctx, "region"), field(ctx, "setting"),
                        field(ctx, "topic"), field(ctx, "teamId"))));
    }

    public void deleteRule(Context ctx) {
        String ruleId = Http.idParam(ctx, "ruleId");
        act(ctx, "/web/admin/routing", "rule_deleted", () -> admin.deleteRule(Http.staff(ctx), ruleId));
    }

    public void locationTrustPerson(Context ctx) {
        String locationId = Http.idParam(ctx, "locationId");
        act(ctx, "/web/admin/routing", "location", () -> admin.setLocationTrustPerson(Http.staff(ctx), locationId,
                field(ctx, "staffId")));
    }

    // Time limits

    public void timeLimitsPage(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        pages.render(ctx, "adminTimeLimits.jte", pages.titled(ctx, "admin.time_limits", "admin"),
                "policy", admin.policy(me, me.organisationId()), "defaults", SlaPolicy.defaults());
    }

    public void setTimeLimits(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        act(ctx, "/web/admin/time-limits", "time_limits", () -> {
            Integer first = integer(ctx, "firstResponseWorkingDays");
            Integer urgent = integer(ctx, "urgentFirstResponseMinutes");
            Integer next = integer(ctx, "nextResponseWorkingDays");
            Integer resolution = integer(ctx, "resolutionWorkingDays");
            for (Object[] f : new Object[][] {{"firstResponseWorkingDays", first},
                    {"urgentFirstResponseMinutes", urgent}, {"nextResponseWorkingDays", next},
                    {"resolutionWorkingDays", resolution}}) {
                if (f[1] == null) {
                    throw ApiException.validation((String) f[0], "required");
                }
            }
            admin.setPolicy(me, me.organisationId(), new SlaPolicy(first, urgent, next, resolution));
        });
    }

    // Audit

    public void auditPage(Context ctx) {
        String after = ctx.queryParam("na");
        if (after != null && !after.matches("\\d{1,18}")) {
            throw ApiException.validation("na", "wrong_type");
        }
        pages.render(ctx, "adminAudit.jte", pages.titled(ctx, "admin.audit", "admin"),
                "verification", admin.verifyAudit(),
                "log", admin.audit(Http.staff(ctx), after == null ? 0 : Long.parseLong(after), AUDIT_PAGE),
                "people", people(ctx));
    }

    // Shared

    private void act(Context ctx, String back, String what, Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            refusedOr404(ctx, back, e);
            return;
        }
        pages.done(ctx, back, what);
    }

    /** Another organisation's ids are not found (404, as in the API); any other refusal goes back to the form. */
    private void refusedOr404(Context ctx, String back, ApiException e) {
        if (e.status() == 404) {
            throw e;
        }
        pages.refused(ctx, back, e);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Integer integer(Context ctx, String name) {
        String value = field(ctx, name);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw ApiException.validation(name, "invalid_value");
        }
        return Integer.parseInt(value);
    }
}
