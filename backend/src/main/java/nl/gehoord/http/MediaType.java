package nl.gehoord.http;

import java.util.Locale;

/**
 * What counts as a JSON body. Only {@code application/json}, with at most a charset parameter that says UTF-8:
 * the media type is matched whole, not by prefix, so {@code application/jsonx} or
 * {@code application/json-patch+json} are not JSON here. Another charset is refused rather than guessed,
 * because the body is always read as UTF-8 (RFC 8259 section 8.1).
 */
final class MediaType {
    private MediaType() {
    }

    /** Exactly one Content-Type line, and it says JSON: two lines (which one counts?) are refused too. */
    static boolean isJson(java.util.Enumeration<String> contentTypes) {
        if (contentTypes == null || !contentTypes.hasMoreElements()) {
            return false;
        }
        String first = contentTypes.nextElement();
        return !contentTypes.hasMoreElements() && isJson(first);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals < 0) {
                return false;
            }
            String name = parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = parts[i].substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!name.equals("charset") || !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** A body is read as it was sent: any content coding other than {@code identity} is refused, never unpacked. */
    static boolean isPlain(java.util.Enumeration<String> contentEncodings) {
        while (contentEncodings != null && contentEncodings.hasMoreElements()) {
            for (String coding : contentEncodings.nextElement().split(",")) {
                String c = coding.trim();
                if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
                    return false;
                }
            }
        }
        return true;
    }
}
