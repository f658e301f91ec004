package nl.gehoord.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.Http;
import nl.gehoord.signals.SignalDao;
import nl.gehoord.signals.SignalService;
import nl.gehoord.signals.SignalViews;

/**
 * Signals for the organisation's trust persons and coordinators: the list with where each is and the suggestions,
 * recording one, its page with the report exactly as it goes out (and its PDF), its sending and the provider's
 * answer. Each is the SignalService call the API makes.
 */
public final class SignalPages {
    private final SignalService signals;
    private final Pages pages;

    public SignalPages(SignalService signals, Pages pages) {
        this.signals = signals;
        this.pages = pages;
    }

    /** The form for a new signal, with what a suggestion filled in (a location, a theme and its case topic). */
    public record NewForm(List<SignalDao.Place> places, List<String> themes, List<SignalDao.Linkable> cases,
                          String locationId, String theme) {
        /** Whether a case is ticked to start with: one of the suggestion's location and theme. */
        public boolean suggested(SignalDao.Linkable c) {
            String topic = theme == null ? null : SignalService.THEMES.get(theme);
            return locationId != null && locationId.equals(c.locationId()) && topic != null && topic.equals(c.topic());
        }

        public String placeName(String id) {
            return places.stream().filter(p -> p.id().equals(id)).map(SignalDao.Place::name).findFirst().orElse("");
        }
    }

    public void list(Context ctx) {
        var me = Http.staff(ctx);
        pages.render(ctx, "signals.jte", pages.titled(ctx, "signals.title", "signals"),
                "list", signals.list(me), "suggestions", signals.suggestions(me));
    }

    public void newForm(Context ctx) {
        var me = Http.staff(ctx);
        List<SignalDao.Place> places = signals.places(me);
        Set<String> known = places.stream().map(SignalDao.Place::id).collect(Collectors.toSet());
        String locationId = ctx.queryParam("locationId");
        String theme = ctx.queryParam("theme");
        NewForm form = new NewForm(places, themes(), signals.linkable(me),
                locationId != null && known.contains(locationId) ? locationId : null,
                theme != null && SignalService.THEMES.containsKey(theme) ? theme : null);
        pages.render(ctx, "signalNew.jte", pages.titled(ctx, "signals.new.title", "signals"), "form", form);
    }

    public void create(Context ctx) {
        SignalViews.Signal created;
        try {
            created = signals.create(Http.staff(ctx), new SignalService.NewSignal(blankToNull(ctx.formParam("locationId")),
                    blankToNull(ctx.formParam("theme")), ctx.formParam("text"), ctx.formParams("caseId")));
        } catch (ApiException e) {
            pages.refused(ctx, "/web/signals/new", e);
            return;
        }
        pages.done(ctx, "/web/signals/" + created.signalId(), "signal_created");
    }

    /** One signal with its report exactly as it will be printed for the chosen recipient (reading it is audited). */
    public void page(Context ctx) {
        var me = Http.staff(ctx);
        String signalId = id(ctx);
        String recipient = "inspectorate".equals(ctx.queryParam("recipient")) ? "inspectorate" : "provider";
        SignalViews.Signal signal = signals.get(me, signalId);
        SignalViews.ReportDocument report = signals.reportDocument(me, signalId, recipient);
        pages.render(ctx, "signal.jte", pages.titled(ctx, "signal.title", "signals"), "s", signal, "r", report);
    }

    public void pdf(Context ctx) {
        String signalId = id(ctx);
        String recipient = "inspectorate".equals(ctx.queryParam("recipient")) ? "inspectorate" : "provider";
        Pages.pdf(ctx, "signaal-" + signalId + ".pdf", signals.reportPdf(Http.staff(ctx), signalId, recipient));
    }

    public void sent(Context ctx) {
        act(ctx, "signal_sent", () -> signals.markSent(Http.staff(ctx), id(ctx),
                blankToNull(ctx.formParam("recipient")), CasePages.dateTime(ctx, "answerDueBy")));
    }

    public void answer(Context ctx) {
        act(ctx, "signal_answer", () -> signals.answer(Http.staff(ctx), id(ctx), ctx.formParam("text")));
    }

    static List<String> themes() {
        return List.copyOf(SignalService.THEMES.keySet());
    }

    private void act(Context ctx, String what, Runnable change) {
        pages.act(ctx, "/web/signals/" + id(ctx), what, change);
    }

    private static String id(Context ctx) {
        return Http.idParam(ctx, "signalId");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
