package nl.gehoord.complaint;

import nl.gehoord.pdf.TaggedPdf;

/**
 * The approved letter as a tagged PDF (see {@link TaggedPdf}): letterhead, date, addressee, subject, the
 * paragraphs with the young person's own words quoted, the signature and the date the young person approved it.
 */
public final class LetterPdf {
    private LetterPdf() {
    }

    /** The letter as PDF bytes; {@code approvedAt} and {@code sentAt} are printed and set as the file's dates. */
    public static byte[] render(TaggedPdf.Letterhead head, ComplaintLetter.Letter letter, long approvedAt,
                                long sentAt) {
        try (TaggedPdf pdf = TaggedPdf.start()) {
            pdf.letterhead(head)
                    .paragraph(ComplaintLetter.say("letter.date", ComplaintLetter.date(sentAt)))
                    .paragraph(letter.addressee())
                    .space(10)
                    .title(letter.subject())
                    .paragraph(ComplaintLetter.say("letter.salutation"));
            for (ComplaintLetter.Paragraph p : letter.paragraphs()) {
                pdf.space(6).heading(p.heading()).paragraph(p.text());
                if (p.ownWords() != null) {
                    pdf.quote(p.ownWords());
                }
            }
            return pdf.space(10)
                    .paragraph(ComplaintLetter.say("letter.closing"))
                    .paragraph(ComplaintLetter.say("letter.signature", letter.trustPersonName()))
                    .space(10)
                    .note(ComplaintLetter.say("letter.approved", ComplaintLetter.date(approvedAt)))
                    .finish(letter.subject(), sentAt);
        }
    }
}
