package nl.gehoord.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.inbox.InboxLookup;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.InboxViews;
import nl.gehoord.inbox.StaffProfileService;
import nl.gehoord.intake.CaseStatus;

/** The trust person's inbox: their cases, urgent first then by due time, with filters, paging and code search. */
public final class InboxPages {
    static final int PAGE_SIZE = 25;

    private final InboxService inbox;
    private final InboxLookup lookup;
    private final StaffProfileService profiles;
    private final Pages pages;

    public InboxPages(InboxService inbox, InboxLookup lookup, StaffProfileService profiles, Pages pages) {
        this.inbox = inbox;
        this.lookup = lookup;
        this.profiles = profiles;
        this.pages = pages;
    }

    /** The choices of the status filter: every open case, every case, or one status. */
    public static final List<String> STATUS_CHOICES = Stream.concat(Stream.of("open", "all"),
            Arrays.stream(CaseStatus.values()).map(CaseStatus::code)).toList();

    /** The filters as the form sends them; only known values pass, the rest is the service's 422. */
    public record Filters(String status, boolean overdue, boolean urgent, String cursor) {
        static Filters of(Context ctx) {
            String status = ctx.queryParam("status");
            return new Filters(status == null || status.isBlank() ? "open" : status,
                    "true".equals(ctx.queryParam("overdue")), "true".equals(ctx.queryParam("urgent")),
                    blankToNull(ctx.queryParam("cursor")));
        }

        InboxService.Filter filter() {
            return new InboxService.Filter(status, urgent ? true : null, overdue ? true : null, cursor, PAGE_SIZE);
        }

        /** The query string of these filters, for the next page and for the live refresh. */
        public String query(String nextCursor) {
            StringBuilder q = new StringBuilder("status=").append(status);
            if (overdue) {
                q.append("&overdue=true");
            }
            if (urgent) {
                q.append("&urgent=true");
            }
            if (nextCursor != null) {
                q.append("&cursor=").append(nextCursor);
            }
            return q.toString();
        }
    }

    public void page(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        Filters filters = Filters.of(ctx);
        InboxViews.Page list = inbox.inbox(me, filters.filter());
        boolean available = profiles.me(me).available();
        pages.render(ctx, "inbox.jte", pages.titled(ctx, "inbox.title", "inbox"),
                "list", list, "filters", filters, "available", available);
    }

    /** The list alone: what the page swaps in when a live event says something changed. */
    public void rows(Context ctx) {
        Filters filters = Filters.of(ctx);
        InboxViews.Page list = inbox.inbox(Http.staff(ctx), filters.filter());
        pages.render(ctx, "inboxRows.jte", pages.page(ctx, "", "inbox"), "list", list, "filters", filters,
                "live", true);
    }

    /** A case by the code the young person reads out; the code travels in the body, never in a URL. */
    public void search(Context ctx) {
        String back = "/web/inbox";
        String code = ctx.formParam("code");
        var found = code == null ? java.util.Optional.<String>empty() : lookup.byCode(Http.staff(ctx), code);
        if (found.isEmpty()) {
            pages.refused(ctx, back, new ApiException(404, "code_not_found"));
            return;
        }
        ctx.redirect("/web/cases/" + found.get(), HttpStatus.SEE_OTHER);
    }

    public void availability(Context ctx) {
        boolean available = "true".equals(ctx.formParam("available"));
        profiles.update(Http.staff(ctx), new StaffProfileService.Update(available, null, null, java.util.List.of()));
        String back = "queue".equals(ctx.formParam("back")) ? "/web/queue" : "/web/inbox";
        pages.done(ctx, back, available ? "available" : "away");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
