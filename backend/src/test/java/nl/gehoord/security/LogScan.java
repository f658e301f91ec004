package nl.gehoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.gehoord.testing.TestLog;

/** Reads the test log (JSON lines) and proves it holds none of the given secrets, raw or JSON-escaped. */
final class LogScan {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogScan() {
    }

    /** Every line of the test log is JSON, and no line holds anything that was sent. */
    static void assertLogsHoldNone(List<String> secrets) throws IOException {
        Path log = TestLog.file();
        assertThat(log).exists();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        int withRequestId = 0;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            if (entry.path("mdc").has("requestId")) {
                withRequestId++;
            }
            StringBuilder decoded = new StringBuilder();
            collectText(entry, decoded);
            for (String secret : secrets) {
                assertThat(line.contains(secret) || decoded.toString().contains(secret))
                        .as("the log holds '%s': %s", secret, HostileCorpus.abbreviate(line)).isFalse();
            }
        }
        assertThat(withRequestId).as("access lines carry the request id").isPositive();
    }

    private static void collectText(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> collectText(child, out));
        node.fieldNames().forEachRemaining(name -> out.append(name).append('\n'));
    }

    private static final Path LOG = TestLog.file();

    /** How many lines the test log holds now: a mark for {@link #linesSince}. */
    static int lineCount() {
        return linesSince(0).size();
    }

    static List<String> linesSince(int mark) {
        try {
            List<String> lines = Files.exists(LOG) ? Files.readAllLines(LOG, StandardCharsets.UTF_8) : List.of();
            return lines.subList(Math.min(mark, lines.size()), lines.size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bad input never pages an operator: since the mark, no ERROR or WARN line and no stack trace. */
    static void assertNoErrorsSince(int mark) {
        for (String line : linesSince(mark)) {
            try {
                JsonNode entry = JSON.readTree(line);
                String level = entry.path("level").asText();
                assertThat(level).as(line.substring(0, Math.min(400, line.length()))).isNotIn("ERROR", "WARN");
                assertThat(entry.hasNonNull("throwable")).as("a stack trace: %s", line.substring(0, Math.min(400, line.length()))).isFalse();
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
    }
}
