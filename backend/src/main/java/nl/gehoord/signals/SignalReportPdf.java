package nl.gehoord.signals;

import com.ibm.icu.text.MessageFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import nl.gehoord.intake.CaseTexts;
import nl.gehoord.pdf.TaggedPdf;
import nl.gehoord.text.Messages;

/**
 * The signal report as a tagged PDF (see {@link TaggedPdf}) in Dutch, on the organisation's letterhead: to whom,
 * the location and theme, the trust person's own text, how many cases in which months, and what is asked. It is
 * made from {@link SignalViews.Report} alone, so it holds exactly what the JSON report holds and nothing that
 * identifies a child.
 */
final class SignalReportPdf {
    private static final Properties TEXTS = Messages.load("signals/report_nl.properties");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH)
            .withZone(CaseTexts.ZONE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);

    private SignalReportPdf() {
    }

    /** {@code provider} is the care provider's name, for the address; {@code at} is the date printed. */
    static byte[] render(TaggedPdf.Letterhead head, SignalViews.Report report, String provider, Instant at) {
        boolean inspectorate = "inspectorate".equals(report.reportType());
        String theme = say("report.theme." + report.theme());
        String subject = say("report.subject", theme);
        try (TaggedPdf pdf = TaggedPdf.start()) {
            pdf.letterhead(head)
                    .paragraph(say("report.date", DATE.format(at)))
                    .paragraph(inspectorate ? say("report.to.inspectorate") : say("report.to.provider", provider))
                    .space(10)
                    .title(subject)
                    .paragraph(say(inspectorate ? "report.salutation.inspectorate" : "report.salutation.provider"))
                    .paragraph(say(inspectorate ? "report.intro.inspectorate" : "report.intro.provider"))
                    .space(6).heading(say("report.heading.location")).paragraph(report.location())
                    .space(6).heading(say("report.heading.theme")).paragraph(capital(theme))
                    .space(6).heading(say("report.heading.what")).paragraph(report.text())
                    .space(6).heading(say("report.heading.ground"))
                    .paragraph(report.cases() == 0 ? say("report.ground.none") : say("report.ground", report.cases(),
                            month(report.fromMonth()), month(report.toMonth())))
                    .paragraph(say("report.privacy"))
                    .space(6).heading(say("report.heading.request"))
                    .paragraph(say(inspectorate ? "report.request.inspectorate" : "report.request.provider"))
                    .space(10)
                    .paragraph(say("report.closing"))
                    .paragraph(say("report.signature", report.organisation()))
                    .space(10)
                    .note(say("report.written", DATE.format(report.writtenAt()), report.organisation()));
            return pdf.finish(subject, at.toEpochMilli());
        }
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
