package nl.gehoord.staff;

import java.util.Locale;

/**
 * A coarse name for the client that opened a session ("Firefox on Linux"), so the owner can tell their sessions
 * apart. Deliberately coarse: no versions, no full user agent, nothing that fingerprints a person.
 */
final class ClientLabel {
    private ClientLabel() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("crios/") ? "Chrome"
                : ua.contains("safari/") ? "Safari" : ua.contains("curl/") ? "curl" : "App";
        String system = ua.contains("android") ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS"
                : ua.contains("linux") ? "Linux" : null;
        return system == null ? browser : browser + " on " + system;
    }
}
