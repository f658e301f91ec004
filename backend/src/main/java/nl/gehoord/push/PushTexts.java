package nl.gehoord.push;

import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;

/** The neutral visible texts of pushes, from the catalogs (push.&lt;key&gt;.title and .body). No content, ever. */
public final class PushTexts {
    public static final String CASE_RECEIVED = "push.case_received";
    public static final String CASE_ASSIGNED = "push.case_assigned";
    public static final String REPLY = "push.reply";
    public static final String STATUS_CHANGED = "push.status_changed";
    public static final String DUE_DATE_MOVED = "push.due_date_moved";
    public static final String DEVICE_LINKED = "push.device_linked";
    public static final String STAFF_NEW_CASE = "push.staff.new_case";
    public static final String STAFF_YOUNG_PERSON_MESSAGE = "push.staff.young_person_message";
    public static final String STAFF_SLA_WARNING = "push.staff.sla_warning";
    public static final String STAFF_SLA_BREACHED = "push.staff.sla_breached";
    public static final String STAFF_REASSIGNED = "push.staff.reassigned";

    private final Messages messages;

    public PushTexts(Messages messages) {
        this.messages = messages;
    }

    public PushMessage.VisibleText text(String messageKey, Language language) {
        return new PushMessage.VisibleText(messages.get(language, messageKey + ".title"),
                messages.get(language, messageKey + ".body"));
    }
}
