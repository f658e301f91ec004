package nl.gehoord.signals;

import com.ibm.icu.text.MessageFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.pdf.TaggedPdf;
import nl.gehoord.text.Messages;

/**
 * The signal report as a document in Dutch, on the organisation's letterhead: to whom, the location and theme, the
 * trust person's own text, how many cases in which months, and what is asked. It is written from
 * {@link SignalViews.Report} alone, so it holds exactly what the JSON report holds and nothing that identifies a
 * child. The same blocks make the tagged PDF (see {@link TaggedPdf}) and the staff page's preview of it.
 */
final class SignalReportPdf {
    private static final Properties TEXTS = Messages.load("signals/report_nl.properties");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH)
            .withZone(CaseTexts.ZONE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);

    private SignalReportPdf() {
    }

    /** The report's text in reading order, below the letterhead; {@code at} is the date it carries. */
    static SignalViews.ReportDocument document(TaggedPdf.Letterhead head, SignalViews.Report report, String provider,
                                               Instant at) {
        boolean inspectorate = "inspectorate".equals(report.reportType());
        String theme = say("report.theme." + report.theme());
        List<SignalViews.ReportBlock> b = new ArrayList<>();
        b.add(paragraph(say("report.date", DATE.format(at))));
        b.add(paragraph(inspectorate ? say("report.to.inspectorate") : say("report.to.provider", provider)));
        b.add(new SignalViews.ReportBlock("title", say("report.subject", theme)));
        b.add(paragraph(say(inspectorate ? "report.salutation.inspectorate" : "report.salutation.provider")));
        b.add(paragraph(say(inspectorate ? "report.intro.inspectorate" : "report.intro.provider")));
        b.add(heading(say("report.heading.location")));
        b.add(paragraph(report.location()));
        b.add(heading(say("report.heading.theme")));
        b.add(paragraph(capital(theme)));
        b.add(heading(say("report.heading.what")));
        b.add(paragraph(report.text()));
        b.add(heading(say("report.heading.ground")));
        b.add(paragraph(report.cases() == 0 ? say("report.ground.none") : say("report.ground", report.cases(),
                month(report.fromMonth()), month(report.toMonth()))));
        b.add(paragraph(say("report.privacy")));
        b.add(heading(say("report.heading.request")));
        b.add(paragraph(say(inspectorate ? "report.request.inspectorate" : "report.request.provider")));
        b.add(new SignalViews.ReportBlock("closing", say("report.closing")));
        b.add(paragraph(say("report.signature", report.organisation())));
        b.add(new SignalViews.ReportBlock("note", say("report.written", DATE.format(report.writtenAt()),
                report.organisation())));
        return new SignalViews.ReportDocument(report.reportType(), head.name(), head.lines(), List.copyOf(b));
    }

    /** The document as a tagged PDF, titled with its subject and dated {@code at}. */
    static byte[] render(SignalViews.ReportDocument document, Instant at) {
        String title = document.blocks().stream().filter(x -> x.kind().equals("title")).findFirst()
                .map(SignalViews.ReportBlock::text).orElseThrow();
        try (TaggedPdf pdf = TaggedPdf.start()) {
            pdf.letterhead(new TaggedPdf.Letterhead(document.letterheadName(), document.letterheadLines()));
            for (SignalViews.ReportBlock block : document.blocks()) {
                switch (block.kind()) {
                    case "title" -> pdf.space(10).title(block.text());
                    case "heading" -> pdf.space(6).heading(block.text());
                    case "closing" -> pdf.space(10).paragraph(block.text());
                    case "note" -> pdf.space(10).note(block.text());
                    default -> pdf.paragraph(block.text());
                }
            }
            return pdf.finish(title, at.toEpochMilli());
        }
    }

    private static SignalViews.ReportBlock paragraph(String text) {
        return new SignalViews.ReportBlock("paragraph", text);
    }

    private static SignalViews.ReportBlock heading(String text) {
        return new SignalViews.ReportBlock("heading", text);
    }

    private static String month(String yearMonth) {
        return MONTH.format(YearMonth.parse(yearMonth));
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String say(String key, Object... args) {
        String pattern = TEXTS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("report text missing: " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, DUTCH).format(args);
    }
}
