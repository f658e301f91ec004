package nl.gehoord.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.gehoord.events.CaseEvent;
import nl.gehoord.events.CaseEventListener;
import nl.gehoord.http.Actor;
import nl.gehoord.http.Http;
import nl.gehoord.http.Role;
import nl.gehoord.inbox.InboxDao;
import nl.gehoord.staff.StaffSessionService;
import org.jdbi.v3.core.Handle;

/**
 * Live updates for the staff pages over server-sent events. An event carries only a name ("inbox", "queue",
 * "sla", "case-{id}") and no data worth reading: the page then asks for the changed part through its own
 * authorised request. Events go out after the transaction commits, to the assigned trust person and to the
 * coordinators of the case's team. Each open stream is checked against its session every heartbeat, without
 * counting as use, and closed when the session has ended.
 */
public final class LiveUpdates implements CaseEventListener, AutoCloseable {
    public static final String PATH = "/web/events";
    private static final long HEARTBEAT_SECONDS = 15;

    private record Listener(SseClient client, String staffId, Role role, String teamId, String token) {
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final StaffSessionService sessions;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-live-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public LiveUpdates(StaffSessionService sessions) {
        this.sessions = sessions;
    }

    public void start() {
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** GET /web/events: the guard has checked the session; this keeps the stream open. */
    public void stream(Context ctx) throws Exception {
        Actor.Staff me = Http.staff(ctx);
        String token = ctx.attribute(Pages.TOKEN);
        new SseHandler(0, client -> {
            Listener listener = new Listener(client, me.staffId(), me.role(), me.teamId(), token);
            listeners.add(listener);
            client.onClose(() -> listeners.remove(listener));
            client.sendComment("connected");
            client.keepAlive();
        }).handle(ctx);
    }

    /** How many streams are open (tests wait for the page to be listening). */
    public int open() {
        return listeners.size();
    }

    @Override
    public void on(Handle handle, CaseEvent event) {
        if (listeners.isEmpty()) {
            return; // nobody has a page open: no extra read inside the writer's transaction
        }
        Optional<InboxDao.Handling> c = handle.attach(InboxDao.class).handling(event.caseId());
        if (c.isEmpty()) {
            return;
        }
        String assigned = c.get().assignedStaffId();
        String team = c.get().teamId();
        boolean sla = event.type() == CaseEvent.Type.SLA_WARNING || event.type() == CaseEvent.Type.SLA_BREACHED;
        String caseEvent = "case-" + event.caseId();
        handle.afterCommit(() -> {
            for (Listener l : listeners) {
                boolean mine = l.staffId().equals(assigned);
                boolean teamLead = l.role() == Role.COORDINATOR && team != null && team.equals(l.teamId());
                if (!mine && !teamLead) {
                    continue;
                }
                send(l, caseEvent);
                send(l, mine ? "inbox" : "queue");
                if (sla) {
                    send(l, "sla");
                }
            }
        });
    }

    private void send(Listener l, String name) {
        try {
            l.client().sendEvent(name, "1");
        } catch (RuntimeException gone) {
            l.client().close();
        }
    }

    private void beat() {
        for (Listener l : listeners) {
            try {
                if (sessions.peek(l.token()).isEmpty()) {
                    l.client().close();
                } else {
                    l.client().sendComment("");
                }
            } catch (RuntimeException e) {
                l.client().close();
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        listeners.forEach(l -> l.client().close());
    }
}
