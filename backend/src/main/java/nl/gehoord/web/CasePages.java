package nl.gehoord.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.gehoord.complaint.ComplaintService;
import nl.gehoord.complaint.ComplaintViews;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.http.Role;
import nl.gehoord.inbox.CannedReplyService;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.inbox.InboxLookup;
import nl.gehoord.inbox.InboxService;
import nl.gehoord.inbox.InboxViews;
import nl.gehoord.inbox.StatusMachine;
import nl.gehoord.inbox.StatusPreview;
import nl.gehoord.intake.CaseStatus;
import nl.gehoord.intake.CaseTexts;

/**
 * One case: what the young person told, the thread, the timeline, internal notes, and the work on it. Every
 * change goes through the same InboxService call as the API, then back to the page (post, redirect, get).
 */
public final class CasePages {
    private final InboxService inbox;
    private final CannedReplyService canned;
    private final InboxLookup lookup;
    private final StatusPreview preview;
    private final ComplaintService complaints;
    private final Pages pages;

    public CasePages(InboxService inbox, CannedReplyService canned, InboxLookup lookup, StatusPreview preview,
                     ComplaintService complaints, Pages pages) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.canned = canned;
        this.lookup = lookup;
        this.preview = preview;
        this.pages = pages;
    }

    /**
     * What the case page shows besides the case itself. {@code complaintSection}: whether the formal complaint is
     * shown (only to the trust person who handles the case, as in the API); {@code complaint} is null while none
     * was started.
     */
    public record Extras(List<CannedReplyService.View> canned, List<CaseStatus> nextStatuses, boolean withDueDate,
                         List<InboxDao.TeamMember> team, Map<String, String> names, boolean complaintSection,
                         ComplaintViews.ForTrustPersonPage complaint) {
        public String name(String staffId) {
            return staffId == null ? null : names.getOrDefault(staffId, null);
        }
    }

    public void page(Context ctx) {
        Actor.Staff me = Http.staff(ctx);
        InboxViews.Detail c = inbox.open(me, id(ctx));
        List<InboxDao.TeamMember> team = lookup.team(me);
        Map<String, String> names = new HashMap<>();
        team.forEach(m -> names.put(m.id(), m.displayName()));
        List<CaseStatus> next = StatusMachine.SETTABLE.stream().filter(s -> StatusMachine.allowed(c.facts().status(), s))
                .sorted(java.util.Comparator.comparingInt(ORDER::indexOf)).toList();
        boolean complaintSection = me.role() == Role.TRUST_PERSON
                && me.staffId().equals(c.handling().assignedStaffId());
        Extras extras = new Extras(canned.list(me), next, StatusMachine.WITH_DUE_DATE.contains(c.facts().status()),
                me.role() == Role.COORDINATOR ? team.stream().filter(m -> m.role().equals("trust_person")).toList()
                        : List.of(), names, complaintSection,
                complaintSection ? complaints.forTrustPersonPage(me, c.facts().caseId()).orElse(null) : null);
        pages.render(ctx, "case.jte", pages.titled(ctx, "case.title", "inbox"),
                "c", c, "x", extras);
    }

    private static final List<CaseStatus> ORDER = List.of(CaseStatus.IN_CONVERSATION, CaseStatus.FORMAL_COMPLAINT,
            CaseStatus.RESOLVED, CaseStatus.CLOSED);

    /** The thread and timeline alone, for the live refresh (reading them is audited like opening the case). */
    public void live(Context ctx) {
        InboxViews.Detail c = inbox.open(Http.staff(ctx), id(ctx));
        pages.render(ctx, "caseLive.jte", pages.page(ctx, "", "inbox"), "c", c);
    }

    /** A canned reply put into the reply box, to edit before sending. */
    public void cannedReply(Context ctx) {
        String replyId = Http.idParam(ctx, "replyId");
        CannedReplyService.View reply = canned.list(Http.staff(ctx)).stream().filter(r -> r.id().equals(replyId))
                .findFirst().orElseThrow(ApiException::notFound);
        pages.render(ctx, "replyBox.jte", pages.page(ctx, "", "inbox"), "caseId", id(ctx), "text", reply.body());
    }

    public void reply(Context ctx) {
        act(ctx, "reply", () -> inbox.reply(Http.staff(ctx), id(ctx), ctx.formParam("text")));
    }

    public void note(Context ctx) {
        act(ctx, "note", () -> inbox.note(Http.staff(ctx), id(ctx), ctx.formParam("text")));
    }

    public void status(Context ctx) {
        act(ctx, "status", () -> inbox.changeStatus(Http.staff(ctx), id(ctx), statusChange(ctx)));
    }

    /** What the young person will read after this change; changes nothing (a POST only so the text stays out of URLs). */
    public void preview(Context ctx) {
        try {
            StatusPreview.Preview p = preview.preview(Http.staff(ctx), id(ctx), statusChange(ctx));
            pages.render(ctx, "preview.jte", pages.page(ctx, "", "inbox"), "p", p, "problem", null);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            pages.render(ctx, "preview.jte", pages.page(ctx, "", "inbox"), "p", null, "problem",
                    pages.words(ctx).get("preview.incomplete"));
        }
    }

    public void dueDate(Context ctx) {
        act(ctx, "due_date", () -> inbox.moveDueDate(Http.staff(ctx), id(ctx),
                new InboxService.DueDateChange(dateTime(ctx, "dueAt"), ctx.formParam("explanation"))));
    }

    public void visit(Context ctx) {
        act(ctx, "visit", () -> inbox.planVisit(Http.staff(ctx), id(ctx), dateTime(ctx, "visitAt")));
    }

    public void assign(Context ctx) {
        String back = "queue".equals(ctx.formParam("back")) ? "/web/queue" : "/web/cases/" + id(ctx);
        try {
            inbox.assign(Http.staff(ctx), id(ctx), ctx.formParam("staffId"));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            pages.refused(ctx, back, e);
            return;
        }
        pages.done(ctx, back, "assign");
    }

    /** A change on the case, then back to the case page with a word that it worked, or why it was refused. */
    static void act(Pages pages, Context ctx, String what, Runnable change) {
        pages.act(ctx, "/web/cases/" + id(ctx), what, change);
    }

    private void act(Context ctx, String what, Runnable change) {
        act(pages, ctx, what, change);
    }

    private static InboxService.StatusChange statusChange(Context ctx) {
        String status = ctx.formParam("status");
        return new InboxService.StatusChange(status == null || status.isBlank() ? null : status,
                ctx.formParam("explanation"), dateTime(ctx, "dueAt"));
    }

    static String id(Context ctx) {
        return Http.idParam(ctx, "caseId");
    }

    /** A datetime-local field, read in Amsterdam time; empty is none. */
    static Instant dateTime(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(CaseTexts.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "invalid_value");
        }
    }
}
