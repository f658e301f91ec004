package nl.gehoord.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Safety settings: rate limits, trusted proxies, origins and retention; defaults and fail-fast checks. */
class SafetySettingsTest {
    @Test
    void defaults() {
        Settings s = SettingsLoader.from(Map.of());
        assertThat(s.rateLimits()).containsKeys("register.address", "case.device", "message.device", "claim.device",
                "claim.address", "claim.global", "login.address", "login.global", "invitation.address",
                "invitation.global");
        assertThat(s.rateLimits()).as("a rate per account would let a stranger lock the owner out")
                .doesNotContainKey("login.account");
        assertThat(s.rateLimits().get("claim.global")).isEqualTo(new RateRule(1000, Duration.ofHours(1)));
        assertThat(s.trustedProxies()).isEmpty();
        assertThat(s.retention()).isEqualTo(new RetentionSettings(Period.ofMonths(12), Duration.ofDays(365),
                Duration.ofDays(7), LocalTime.of(3, 30)));
        assertThat(s.allowedOriginList()).isEmpty();
    }

    @Test
    void valuesAreRead() {
        Settings s = SettingsLoader.from(Map.of("GEHOORD_RATE_LIMIT_CLAIM_DEVICE", "5/30m",
                "GEHOORD_TRUSTED_PROXIES", "10.0.0.1, 172.16.0.0/12", "GEHOORD_RETENTION_CASE_MONTHS", "6",
                "GEHOORD_RETENTION_DEVICE_DAYS", "90", "GEHOORD_RETENTION_IDEMPOTENCY_DAYS", "2",
                "GEHOORD_RETENTION_RUN_AT", "04:15",
                "GEHOORD_ALLOWED_ORIGINS", "https://app.example.nl, http://localhost:3000"));
        assertThat(s.rateLimits().get("claim.device")).isEqualTo(new RateRule(5, Duration.ofMinutes(30)));
        assertThat(s.trustedProxies()).containsExactly("10.0.0.1", "172.16.0.0/12");
        assertThat(s.retention()).isEqualTo(new RetentionSettings(Period.ofMonths(6), Duration.ofDays(90),
                Duration.ofDays(2), LocalTime.of(4, 15)));
        assertThat(s.allowedOriginList()).containsExactly("https://app.example.nl", "http://localhost:3000");
    }

    @Test
    void badValuesFailFastNamingTheSetting() {
        Map<String, String> bad = Map.of(
                "GEHOORD_RATE_LIMIT_CLAIM_DEVICE", "lots",
                "GEHOORD_RATE_LIMIT_CLAIM_EVERYONE", "5/1h",
                "GEHOORD_TRUSTED_PROXIES", "proxy.example.org",
                "GEHOORD_RETENTION_CASE_MONTHS", "0",
                "GEHOORD_RETENTION_DEVICE_DAYS", "forever",
                "GEHOORD_RETENTION_RUN_AT", "25:00",
                "GEHOORD_ALLOWED_ORIGINS", "*");
        bad.forEach((name, value) -> assertThatThrownBy(() -> SettingsLoader.from(Map.of(name, value)))
                .as(name).isInstanceOf(ConfigException.class).hasMessageContaining(name));
        assertThatThrownBy(() -> SettingsLoader.from(Map.of("GEHOORD_RATE_LIMIT_CLAIM_DEVICE", "0/1h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 1");
    }
}
