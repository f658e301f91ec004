package nl.gehoord.sla;

import java.util.stream.Stream;

/**
 * A case's deadlines as stored: the first answer (due and given), the next answer after the young person wrote
 * again (since and due) and the resolution. Times are epoch milliseconds; null where there is none.
 */
public record Deadlines(Long firstResponseDueAt, Long firstResponseAt, Long nextResponseSince, Long nextResponseDueAt,
                       Long resolutionDueAt) {

    /** The earliest deadline still open, which the inbox shows and sorts on; null once the case is finished. */
    public Long earliest(boolean caseOpen) {
        if (!caseOpen) {
            return null;
        }
        return Stream.of(firstResponseAt == null ? firstResponseDueAt : null, nextResponseDueAt, resolutionDueAt)
                .filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
    }

    /** The worst state of the open deadlines at {@code now}; a finished case is always ok. */
    public SlaState state(boolean caseOpen, long createdAt, long now) {
        SlaState worst = SlaState.OK;
        if (!caseOpen) {
            return worst;
        }
        if (firstResponseAt == null && firstResponseDueAt != null) {
            worst = worst.or(SlaState.of(createdAt, firstResponseDueAt, now));
        }
        if (nextResponseDueAt != null && nextResponseSince != null) {
            worst = worst.or(SlaState.of(nextResponseSince, nextResponseDueAt, now));
        }
        if (resolutionDueAt != null) {
            worst = worst.or(SlaState.of(createdAt, resolutionDueAt, now));
        }
        return worst;
    }

    /** The first answer was given at {@code at} (the first one counts) and no next answer is waited for. */
    Deadlines answered(long at) {
        return new Deadlines(firstResponseDueAt, firstResponseAt == null ? at : firstResponseAt, null, null,
                resolutionDueAt);
    }

    /** The young person wrote at {@code since} after an answer: the next answer is due at {@code due}. */
    Deadlines awaitingNext(long since, long due) {
        return new Deadlines(firstResponseDueAt, firstResponseAt, since, due, resolutionDueAt);
    }

    /** Every answer still waited for is due by {@code latest} at the latest: the case became urgent. */
    Deadlines answersDueBy(long latest) {
        Long first = firstResponseAt != null ? firstResponseDueAt
                : firstResponseDueAt == null ? Long.valueOf(latest) : Long.valueOf(Math.min(firstResponseDueAt, latest));
        Long next = nextResponseDueAt == null ? null : Math.min(nextResponseDueAt, latest);
        return new Deadlines(first, firstResponseAt, nextResponseSince, next, resolutionDueAt);
    }
}
