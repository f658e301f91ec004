package nl.gehoord.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.gehoord.inbox.InboxViews;

/**
 * "Who opened this case", told in runs: one line for each unbroken series of opens by the same staff member, with
 * the first and last time and how often. Every reload of the page or its live parts reads the case and is audited
 * as it is; only the showing is grouped, so a trust person's afternoon of work is one line, and a colleague who
 * looked in between still stands out.
 */
public record OpenedRuns(String staffId, String role, Instant first, Instant last, int count) {

    /** {@code opened} in the order the audit log holds them (oldest first). */
    public static List<OpenedRuns> of(List<InboxViews.Opened> opened) {
        List<OpenedRuns> runs = new ArrayList<>();
        for (InboxViews.Opened o : opened) {
            int last = runs.size() - 1;
            if (last >= 0 && same(runs.get(last), o)) {
                OpenedRuns run = runs.get(last);
                runs.set(last, new OpenedRuns(run.staffId(), run.role(), run.first(), o.at(), run.count() + 1));
            } else {
                runs.add(new OpenedRuns(o.staffId(), o.role(), o.at(), o.at(), 1));
            }
        }
        return runs;
    }

    private static boolean same(OpenedRuns run, InboxViews.Opened o) {
        return run.staffId() != null && run.staffId().equals(o.staffId()) && run.role().equals(o.role());
    }

    public boolean once() {
        return count == 1;
    }
}
