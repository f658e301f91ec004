package nl.gehoord.push;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.gehoord.events.CaseEvent;
import org.jdbi.v3.core.Handle;

/**
 * Who is told what about a case event. Young people hear about their own case's progress; staff hear about work
 * that is theirs. Nothing here looks at content: the recipients come from ids, the words from the catalogs.
 */
public final class PushPolicy {
    public static final String DEVICE = "device";
    public static final String STAFF = "staff";

    /** One push to write to the outbox. {@code messageKey} names the catalog text (push.&lt;key&gt;.title/.body). */
    public record Push(String recipientKind, String recipientId, String messageKey) {
    }

    public List<Push> pushesFor(Handle handle, CaseEvent event) {
        PushTargetDao targets = handle.attach(PushTargetDao.class);
        List<Push> pushes = new ArrayList<>();
        switch (event.type()) {
            case RECEIVED -> {
                toDevices(targets, event, PushTexts.CASE_RECEIVED, pushes);
                toStaff(targets.caseHandlers(event.caseId()), PushTexts.STAFF_NEW_CASE, pushes);
            }
            case ASSIGNED -> {
                toDevices(targets, event, PushTexts.CASE_ASSIGNED, pushes);
                toStaff(activeStaff(targets, event.staffId()), PushTexts.STAFF_NEW_CASE, pushes);
            }
            case REASSIGNED -> {
                // The young person has a new trust person: for them this is "someone helps you now" again.
                toDevices(targets, event, PushTexts.CASE_ASSIGNED, pushes);
                toStaff(activeStaff(targets, event.staffId()), PushTexts.STAFF_REASSIGNED, pushes);
            }
            case REPLY -> toDevices(targets, event, PushTexts.REPLY, pushes);
            case STATUS_CHANGED -> toDevices(targets, event, PushTexts.STATUS_CHANGED, pushes);
            case DUE_DATE_MOVED -> toDevices(targets, event, PushTexts.DUE_DATE_MOVED, pushes);
            // The claiming phone is not linked yet when this is published: only the phones already there hear it.
            case DEVICE_LINKED -> toDevices(targets, event, PushTexts.DEVICE_LINKED, pushes);
            case YOUNG_PERSON_MESSAGE ->
                    toStaff(targets.caseHandlers(event.caseId()), PushTexts.STAFF_YOUNG_PERSON_MESSAGE, pushes);
            case SLA_WARNING -> toStaff(assigneeAndCoordinators(targets, event), PushTexts.STAFF_SLA_WARNING,
                    pushes);
            case SLA_BREACHED -> toStaff(assigneeAndCoordinators(targets, event),
                    PushTexts.STAFF_SLA_BREACHED, pushes);
            default -> {
                // WITHDRAWN: the young person did it themselves; ERASED: handled by the outbox (nothing may follow).
            }
        }
        return pushes;
    }

    /**
     * The pushes for a case stored in this very transaction, from the snapshot its events carry: its phones hear
     * that it arrived (and that someone helps them, when it went straight to a trust person); its handlers hear of
     * a new case. A later push to the same recipient with the same text replaces an earlier one, as the outbox's
     * collapsing would.
     */
    public List<Push> pushesForNewCase(Handle handle, List<CaseEvent> events) {
        java.util.Map<String, Push> pushes = new java.util.LinkedHashMap<>();
        for (CaseEvent event : events) {
            nl.gehoord.events.CaseSnapshot c = event.snapshot();
            List<Push> these = new ArrayList<>();
            switch (event.type()) {
                case RECEIVED -> {
                    c.deviceIds().forEach(id -> these.add(new Push(DEVICE, id, PushTexts.CASE_RECEIVED)));
                    List<String> handlers = c.assignedStaffId() != null ? List.of(c.assignedStaffId())
                            : handle.attach(PushTargetDao.class).caseHandlers(event.caseId());
                    toStaff(handlers, PushTexts.STAFF_NEW_CASE, these);
                }
                case ASSIGNED -> {
                    c.deviceIds().forEach(id -> these.add(new Push(DEVICE, id, PushTexts.CASE_ASSIGNED)));
                    if (event.staffId() != null) {
                        these.add(new Push(STAFF, event.staffId(), PushTexts.STAFF_NEW_CASE));
                    }
                }
                default -> these.addAll(pushesFor(handle, event));
            }
            for (Push p : these) {
                String key = p.recipientKind() + ":" + p.recipientId() + ":" + p.messageKey();
                pushes.remove(key);
                pushes.put(key, p);
            }
        }
        return List.copyOf(pushes.values());
    }

    /** Deadlines are watched by the assignee and by the coordinators together. */
    private static List<String> assigneeAndCoordinators(PushTargetDao targets, CaseEvent event) {
        Set<String> staff = new LinkedHashSet<>();
        targets.caseFacts(event.caseId()).map(PushTargetDao.CaseFacts::assignedStaffId)
                .flatMap(targets::activeStaff).ifPresent(staff::add);
        staff.addAll(targets.coordinators(event.caseId()));
        return List.copyOf(staff);
    }

    private static List<String> activeStaff(PushTargetDao targets, String staffId) {
        return staffId == null ? List.of() : targets.activeStaff(staffId).stream().toList();
    }

    private static void toDevices(PushTargetDao targets, CaseEvent event, String messageKey, List<Push> pushes) {
        targets.caseDevices(event.caseId()).forEach(id -> pushes.add(new Push(DEVICE, id, messageKey)));
    }

    private static void toStaff(List<String> staffIds, String messageKey, List<Push> pushes) {
        staffIds.forEach(id -> pushes.add(new Push(STAFF, id, messageKey)));
    }

    /** Urgent pushes skip quiet hours and go with high priority: an urgent case, or a deadline at risk. */
    public static boolean urgent(CaseEvent event, boolean caseUrgent) {
        return caseUrgent || CaseEvent.Type.SLA_WARNING.equals(event.type()) || CaseEvent.Type.SLA_BREACHED.equals(event.type());
    }
}
