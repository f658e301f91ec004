package nl.gehoord.web;

import io.javalin.http.Context;
import java.util.List;
import nl.gehoord.http.Actor;
import nl.gehoord.http.Http;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.inbox.InboxLookup;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.InboxViews;

/** The coordinator's page: cases waiting for someone, the team's late cases, and who is available. */
public final class QueuePages {
    private final InboxService inbox;
    private final InboxLookup lookup;
    private final Pages pages;

    public QueuePages(InboxService inbox, InboxLookup lookup, Pages pages) {
        this.inbox = inbox;
        this.lookup = lookup;
        this.pages = pages;
    }

    public record Queue(InboxViews.Page waiting, InboxViews.Page late, InboxViews.Page team,
                        List<InboxDao.TeamMember> members) {
        public String name(String staffId) {
            return members.stream().filter(m -> m.id().equals(staffId)).map(InboxDao.TeamMember::displayName)
                    .findFirst().orElse(null);
        }

        public List<InboxDao.TeamMember> trustPersons() {
            return members.stream().filter(m -> m.role().equals("trust_person")).toList();
        }
    }

    public void page(Context ctx) {
        pages.render(ctx, "queue.jte", pages.titled(ctx, "queue.title", "queue"), "q", queue(ctx));
    }

    /** The lists alone, for the live refresh. */
    public void rows(Context ctx) {
        pages.render(ctx, "queueLists.jte", pages.page(ctx, "", "queue"), "q", queue(ctx));
    }

    private Queue queue(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        String cursor = InboxPages.blankToNull(ctx.queryParam("cursor"));
        InboxViews.Page waiting = inbox.queue(me, new InboxService.Filter("open", null, null, cursor, InboxPages.PAGE_SIZE), false);
        InboxViews.Page late = inbox.queue(me, new InboxService.Filter("open", null, true, null, 50), true);
        InboxViews.Page team = inbox.queue(me, new InboxService.Filter("open", null, null, null, 50), true);
        return new Queue(waiting, late, team, lookup.team(me));
    }
}
