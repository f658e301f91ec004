package nl.gehoord.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.config.RetentionSettings;
import nl.gehoord.testing.SpecValidator;
import org.junit.jupiter.api.Test;

/** The privacy and security notes say how long the sealed receipt code is kept, and both say what the code does. */
class RetentionDocsTest {

    @Test
    void bothNotesGiveTheDefaultPeriodForTheSealedReceiptCode() throws IOException {
        Path docs = SpecValidator.specPath().getParent().resolveSibling("docs");
        long days = RetentionSettings.defaults().idempotencyKeys().toDays();
        for (String name : List.of("privacy.md", "security.md")) {
            String row = Files.readAllLines(docs.resolve(name), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("|") && line.toLowerCase().contains("receipt")
                            && line.contains("sealed"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no row on the receipt code"));
            Matcher period = Pattern.compile("(\\d+) (days|hours)").matcher(row);
            assertThat(period.find()).as(name + ": " + row).isTrue();
            assertThat(period.group(1) + " " + period.group(2)).as(name).isEqualTo(days + " days");
            assertThat(row).as(name).contains("GEHOORD_RETENTION_IDEMPOTENCY_DAYS");
        }
    }
}
