package nl.gehoord.sla;

/** How a deadline stands: ok, warning (75% of the time used) or breached. */
public enum SlaState {
    OK("ok"), WARNING("warning"), BREACHED("breached");

    private final String code;

    SlaState(String code) {
        this.code = code;
    }

    /** The code in the API. */
    public String code() {
        return code;
    }

    static SlaState of(long start, long due, long now) {
        if (now >= due) {
            return BREACHED;
        }
        return now >= warnAt(start, due) ? WARNING : OK;
    }

    /** When 75% of the time from {@code start} to {@code due} is used. */
    static long warnAt(long start, long due) {
        return start + (due - start) * 3 / 4;
    }

    SlaState or(SlaState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
