package nl.gehoord.intake;

import java.util.Optional;
import nl.gehoord.text.Wording;
import org.jdbi.v3.core.Handle;

/**
 * The formal complaint's part of the young person's export of their case. The complaint feature keeps the letter
 * and answers this, so the case's export can include it without intake knowing how a letter is kept.
 */
@FunctionalInterface
public interface ComplaintForExport {
    /** The case's complaint with the letter as approved, in the young person's words; empty when there is none. */
    Optional<CaseViews.ExportComplaint> of(Handle h, String caseId, Wording w);
}
