package nl.gehoord.web;

import io.javalin.http.Context;
import nl.gehoord.http.Http;
import nl.gehoord.admin.AdminService;

/**
 * The administrator's overview: whether the audit log's hash chain is intact, the teams and the staff accounts.
 * It reads only what AdminService gives the API's admin routes, so it never holds case content. Changes
 * (staff invitations, teams, routing rules) are made through the API for now.
 */
public final class AdminPages {
    private final AdminService admin;
    private final Pages pages;

    public AdminPages(AdminService admin, Pages pages) {
        this.admin = admin;
        this.pages = pages;
    }

    public void page(Context ctx) {
        pages.render(ctx, "admin.jte", pages.page(ctx, pages.words().get("admin.title"), "admin"),
                "audit", admin.verifyAudit(), "teams", admin.teams(Http.staff(ctx)),
                "staff", admin.staff(Http.staff(ctx), null), "organisations", admin.organisations(Http.staff(ctx)));
    }
}
