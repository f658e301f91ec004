package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.gehoord.testing.ApiClient;
import nl.gehoord.testing.ApiResponse;
import nl.gehoord.testing.Journeys;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chart renders in a real browser: headless Chromium turns the SVG from the API into a PNG, and the picture has
 * the bars (blue) and text, every number written with its "± 2". The PNG is kept in target/ to look at.
 * Without Chromium the test is skipped on a developer machine, and fails under CI=true.
 */
class ChartRenderTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void theChartRendersInHeadlessChromium() throws Exception {
        Path chromium = chromium();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(chromium).as("chromium must be installed on CI (Debian package chromium)").isNotNull();
        } else {
            assumeTrue(chromium != null, "no chromium on this machine");
        }
        TestServer server = SHARED.server();
        TrendRollup rollup = TrendCases.rollupOf(server);
        server.app().database().writeVoid(h -> {
            Random random = new Random(3);
            for (int i = 0; i < 400; i++) {
                TrendCases.Spec spec = TrendCases.random(random, "chart-" + i, YearMonth.of(2026, 10),
                        new String[] {"utrecht"});
                TrendCases.insert(h, spec);
                rollup.refresh(h, spec.id());
            }
            for (int i = 0; i < 4; i++) { // a small group: published as 3 to 5
                TrendCases.Spec spec = TrendCases.random(random, "chart-rights-" + i, YearMonth.of(2026, 10),
                        new String[] {"utrecht"});
                TrendCases.insert(h, new TrendCases.Spec(spec.id(), "rights", spec.setting(), spec.region(),
                        spec.ageBand(), null, spec.status(), spec.createdAt(), spec.firstResponseAt(),
                        spec.dueAt(), spec.closedAt()));
                rollup.refresh(h, spec.id());
            }
        });
        server.clock().set(Instant.parse("2026-11-23T09:00:00Z"));
        ApiClient council = Journeys.staff(server.client(), "council@demo.local");
        ApiResponse svg = council.get("/v1/trends/chart.svg?from=2026-10&to=2026-10&by=topic");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).contains(" \u00b1 2</text>").contains("hoogstens 2 meer of minder")
                .contains("Vrijheidsbeperking");

        Path dir = Files.createTempDirectory("gehoord-chart");
        Path svgFile = dir.resolve("chart.svg");
        Files.writeString(svgFile, svg.body(), StandardCharsets.UTF_8);
        Path png = dir.resolve("chart.png");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=900,520",
                "--screenshot=" + png, svgFile.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        Path kept = Path.of("target", "trends-chart.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(count(image, 0x1f4e99)).as("bar pixels").isGreaterThan(2000);
        assertThat(count(image, 0x111111) + darkPixels(image)).as("text").isGreaterThan(500);
    }

    private static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 4
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 4
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 4) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int darkPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < 360; x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (((p >> 16) & 0xff) < 100 && ((p >> 8) & 0xff) < 100 && (p & 0xff) < 100) {
                    n++;
                }
            }
        }
        return n;
    }
}
