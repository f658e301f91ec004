package nl.gehoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.gehoord.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/** What {@code serve} prints: the address as it is bound, and never a password the operator chose. */
class StartBannerTest {

    @Test
    void allAddressesAreCalledSoWithAUrlThatWorksHere() {
        String text = String.join("\n", StartBanner.lines("0.0.0.0", 7070, "./data", false, List.of(),
                Optional.empty(), false));
        assertThat(text).contains("all network addresses").contains("http://localhost:7070")
                .contains("GEHOORD_HOST=127.0.0.1");
        String local = String.join("\n", StartBanner.lines("127.0.0.1", 7070, "./data", false, List.of(),
                Optional.empty(), false));
        assertThat(local).contains("http://127.0.0.1:7070").contains("this address only")
                .doesNotContain("all network addresses");
        assertThat(String.join("\n", StartBanner.lines("::1", 8080, "d", false, List.of(), Optional.empty(), false)))
                .contains("http://[::1]:8080");
        assertThat(StartBanner.listensEverywhere("::")).isTrue();
        assertThat(String.join("\n", StartBanner.lines("127.0.0.1", 7070, "d", true, List.of("a@demo.local"),
                Optional.empty(), false))).contains("Staff pages: http://127.0.0.1:7070/web/login")
                .contains("http://127.0.0.1:7070/web/inbox").contains("http://127.0.0.1:7070/web/council")
                .contains("http://127.0.0.1:7070/web/admin");
    }

    @Test
    void aDemoPasswordIsPrintedOnlyWhenTheStartMadeItUp() {
        assertThat(String.join("\n", StartBanner.lines("127.0.0.1", 1, "d", true, List.of("a@demo.local"),
                Optional.of("made-up-here"), false))).contains("Demo password: made-up-here");
        assertThat(String.join("\n", StartBanner.lines("127.0.0.1", 1, "d", true, List.of("a@demo.local"),
                Optional.empty(), true))).contains("GEHOORD_DEMO_PASSWORD").doesNotContain("made-up");
    }

    /** The real command in its own JVM: a chosen password stays off the screen, the address is the bound one. */
    @Test
    void serveDemoKeepsAChosenPasswordOffTheScreen() throws Exception {
        Path dir = Files.createTempDirectory("gehoord-banner");
        String chosen = "gekozen-wachtwoord-" + System.nanoTime();
        ProcessBuilder builder = ChildJvm.main("banner-child", Map.of("GEHOORD_DATA_DIR", dir.toString(),
                "GEHOORD_PORT", "0", "GEHOORD_HOST", "127.0.0.1", "GEHOORD_DEMO_PASSWORD", chosen), "serve", "--demo");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("Demo password") || line.startsWith("Gehoord cannot start")) {
                    break;
                }
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String text = String.join("\n", lines);
        assertThat(text).contains("Gehoord is running at http://127.0.0.1:").contains("this address only")
                .contains("Demo password: the one you set in GEHOORD_DEMO_PASSWORD").doesNotContain(chosen);
    }
}
