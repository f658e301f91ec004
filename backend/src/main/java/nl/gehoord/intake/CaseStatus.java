package nl.gehoord.intake;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.gehoord.db.Coded;

/**
 * The statuses a case moves through. Codes are stable (stored, and in the API); what a young person reads
 * comes from the catalogs. The open ones are listed first, in the order SQL that needs literals writes them
 * (the partial index of migration V13, and the queries that must match it).
 */
public enum CaseStatus implements Coded {
    RECEIVED("received", true),
    ASSIGNED("assigned", true),
    IN_CONVERSATION("in_conversation", true),
    FORMAL_COMPLAINT("formal_complaint", true),
    RESOLVED("resolved", false),
    CLOSED("closed", false),
    WITHDRAWN("withdrawn", false);

    public static final List<CaseStatus> OPEN = Arrays.stream(values()).filter(CaseStatus::isOpen).toList();
    public static final List<CaseStatus> FINISHED = Arrays.stream(values()).filter(s -> !s.isOpen()).toList();

    private final String code;
    private final boolean open;

    CaseStatus(String code, boolean open) {
        this.code = code;
        this.open = open;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public boolean isOpen() {
        return open;
    }

    /** The status with this code, if there is one (input from a request). */
    public static Optional<CaseStatus> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The status stored with this code. */
    public static CaseStatus of(String code) {
        return Coded.of(CaseStatus.class, code);
    }

    /** The open statuses as SQL literals, {@code 'received', 'assigned', ...}, in declaration order. */
    public static String openLiterals() {
        return String.join(", ", OPEN.stream().map(s -> "'" + s.code + "'").toList());
    }

    @Override
    public String toString() {
        return code;
    }
}
