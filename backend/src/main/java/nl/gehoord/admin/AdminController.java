package nl.gehoord.admin;

import io.javalin.http.Context;
import java.util.Map;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Bodies;
import nl.gehoord.http.Http;
import nl.gehoord.sla.SlaPolicy;

/** /v1/admin/*: parse, call the admin service, render. */
public final class AdminController {
    private static final int AUDIT_PAGE = 200;

    private final AdminService admin;

    public AdminController(AdminService admin) {
        this.admin = admin;
    }

    public record SlaBody(Integer firstResponseWorkingDays, Integer urgentFirstResponseMinutes,
                          Integer nextResponseWorkingDays, Integer resolutionWorkingDays) {
    }

    public void organisations(Context ctx) {
        ctx.json(Map.of("organisations", admin.organisations(Http.staff(ctx))));
    }

    public void regions(Context ctx) {
        ctx.json(Map.of("regions", admin.regions(Http.staff(ctx))));
    }

    public void createRegion(Context ctx) {
        ctx.status(201).json(admin.createRegion(Http.staff(ctx), Bodies.read(ctx, AdminService.NewRegion.class)));
    }

    public void teams(Context ctx) {
        ctx.json(Map.of("teams", admin.teams(Http.staff(ctx))));
    }

    public void createTeam(Context ctx) {
        ctx.status(201).json(admin.createTeam(Http.staff(ctx), Bodies.read(ctx, AdminService.NewTeam.class)));
    }

    public void staff(Context ctx) {
        String organisationId = ctx.queryParam("organisationId");
        if (organisationId != null && !organisationId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.validation("organisationId", "invalid_value");
        }
        ctx.json(Map.of("staff", admin.staff(Http.staff(ctx), organisationId)));
    }

    public void inviteStaff(Context ctx) {
        ctx.status(201).json(admin.inviteStaff(Http.staff(ctx), Bodies.read(ctx, AdminService.NewStaff.class)));
    }

    /** Takes an empty JSON object, so a stray or broken body is refused rather than ignored. */
    public record Empty() {
    }

    public void reinviteStaff(Context ctx) {
        String staffId = Http.idParam(ctx, "staffId");
        Bodies.read(ctx, Empty.class);
        ctx.status(201).json(admin.reinviteStaff(Http.staff(ctx), staffId));
    }

    public void changeStaff(Context ctx) {
        String staffId = Http.idParam(ctx, "staffId");
        ctx.json(admin.changeStaff(Http.staff(ctx), staffId, Bodies.read(ctx, AdminService.StaffChange.class)));
    }

    public void rules(Context ctx) {
        ctx.json(Map.of("rules", admin.rules(Http.staff(ctx))));
    }

    public void createRule(Context ctx) {
        ctx.status(201).json(admin.createRule(Http.staff(ctx), Bodies.read(ctx, AdminService.NewRule.class)));
    }

    public void deleteRule(Context ctx) {
        admin.deleteRule(Http.staff(ctx), Http.idParam(ctx, "ruleId"));
        ctx.status(204);
    }

    public void locationTrustPerson(Context ctx) {
        String locationId = Http.idParam(ctx, "locationId");
        AdminService.LocationTrustPerson body = Bodies.read(ctx, AdminService.LocationTrustPerson.class);
        admin.setLocationTrustPerson(Http.staff(ctx), locationId, body.staffId());
        ctx.status(204);
    }

    public void sla(Context ctx) {
        ctx.json(admin.policy(Http.staff(ctx), Http.idParam(ctx, "organisationId")));
    }

    public void setSla(Context ctx) {
        String organisationId = Http.idParam(ctx, "organisationId");
        SlaBody body = Bodies.read(ctx, SlaBody.class);
        if (body.firstResponseWorkingDays() == null || body.urgentFirstResponseMinutes() == null
                || body.nextResponseWorkingDays() == null || body.resolutionWorkingDays() == null) {
            throw ApiException.validation("body", "required");
        }
        ctx.json(admin.setPolicy(Http.staff(ctx), organisationId, new SlaPolicy(body.firstResponseWorkingDays(),
                body.urgentFirstResponseMinutes(), body.nextResponseWorkingDays(), body.resolutionWorkingDays())));
    }

    public void audit(Context ctx) {
        String after = ctx.queryParam("after");
        if (after != null && !after.matches("\\d{1,18}")) {
            throw ApiException.validation("after", "wrong_type");
        }
        ctx.json(admin.audit(Http.staff(ctx), after == null ? 0 : Long.parseLong(after), AUDIT_PAGE));
    }

    public void verifyAudit(Context ctx) {
        ctx.json(admin.verifyAudit());
    }
}
