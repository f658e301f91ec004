package nl.gehoord.inbox;

/** "ok", "warning" (75% of the time used) or "breached" for the earliest open deadline of a case. */
final class SlaState {
    private SlaState() {
    }

    static String of(String status, long createdAt, Long firstDue, Long firstAt, Long nextSince, Long nextDue,
                     Long resolutionDue, long now) {
        if (!nl.gehoord.intake.CaseStatus.isOpen(status)) {
            return "ok";
        }
        String worst = "ok";
        if (firstAt == null && firstDue != null) {
            worst = worse(worst, state(createdAt, firstDue, now));
        }
        if (nextDue != null && nextSince != null) {
            worst = worse(worst, state(nextSince, nextDue, now));
        }
        if (resolutionDue != null) {
            worst = worse(worst, state(createdAt, resolutionDue, now));
        }
        return worst;
    }

    private static String state(long start, long due, long now) {
        if (now >= due) {
            return "breached";
        }
        return now >= start + (due - start) * 3 / 4 ? "warning" : "ok";
    }

    private static String worse(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String s) {
        return switch (s) {
            case "breached" -> 2;
            case "warning" -> 1;
            default -> 0;
        };
    }
}
