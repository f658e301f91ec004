package nl.gehoord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one mapper reads what the contract says and guesses nothing. */
class JsonTest {
    record Timed(Instant at) {
    }

    @Test
    void aTimeIsAnIsoTextWithItsOffsetNeverANumber() throws Exception {
        assertThat(Json.mapper().readValue("{\"at\": \"2026-11-25T09:00:00Z\"}", Timed.class).at())
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(Json.mapper().readValue("{\"at\": \"2026-11-25T10:00:00+01:00\"}", Timed.class).at())
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        for (String bad : new String[] {"1700000000", "\"1700000000\"", "1.5", "\"\"", "\"2026-11-25\"",
                "\"2026-11-25T09:00:00\"", "true", "[]", "{}"}) {
            assertThatThrownBy(() -> Json.mapper().readValue("{\"at\": " + bad + "}", Timed.class))
                    .as(bad).isInstanceOf(MismatchedInputException.class);
        }
    }
}
