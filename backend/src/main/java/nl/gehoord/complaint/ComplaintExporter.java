package nl.gehoord.complaint;

import java.util.Optional;
import nl.gehoord.crypto.FieldCipher;
import nl.gehoord.intake.CaseViews;
import nl.gehoord.intake.ComplaintForExport;
import nl.gehoord.text.Wording;
import org.jdbi.v3.core.Handle;

/**
 * The complaint in the young person's export of their case: its route and dates, their answers, and the letter
 * exactly as they approved it (the sealed approved paragraphs, not a fresh draft), beside its plain version.
 */
public final class ComplaintExporter implements ComplaintForExport {
    private final FieldCipher cipher;
    private final ComplaintTexts texts;

    public ComplaintExporter(FieldCipher cipher, ComplaintTexts texts) {
        this.cipher = cipher;
        this.texts = texts;
    }

    @Override
    public Optional<CaseViews.ExportComplaint> of(Handle h, String caseId, Wording w) {
        return h.attach(ComplaintDao.class).forCase(caseId).map(row -> texts.forExport(row,
                ComplaintSeal.openDraft(cipher, row),
                row.approvedEnc() == null ? null : ComplaintSeal.openApproved(cipher, row), w));
    }
}
