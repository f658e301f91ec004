package nl.gehoord.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.ApsAlert;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import com.google.firebase.messaging.WebpushConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.gehoord.config.ConfigException;

/**
 * Transport through the Firebase Admin SDK ({@code sendEach}, one HTTP v1 request per push, at most 500 a call).
 * It turns a {@link PushMessage} into an FCM message (Android, APNs and web settings in one) and classifies each
 * answer. The SDK itself already retries a 503 a few times (honouring a short Retry-After); what still fails
 * comes back here as RETRY for the dispatcher's slower backoff.
 */
public final class FcmSender implements PushSender {
    /** A push nobody could deliver within two days is stale; FCM's own default would keep it four weeks. */
    static final long TTL_MILLIS = Duration.ofDays(2).toMillis();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final Clock clock;

    public FcmSender(FirebaseApp app, Clock clock) {
        this.app = app;
        this.messaging = FirebaseMessaging.getInstance(app);
        this.clock = clock;
    }

    /** Production: a Firebase service-account JSON file (GEHOORD_FIREBASE_CREDENTIALS). */
    public static FcmSender fromCredentialsFile(Path file, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            GoogleCredentials credentials = GoogleCredentials.fromStream(in);
            FirebaseOptions options = FirebaseOptions.builder().setCredentials(credentials).build();
            return new FcmSender(FirebaseApp.initializeApp(options, "gehoord-push-" + UUID.randomUUID()), clock);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("GEHOORD_FIREBASE_CREDENTIALS does not hold a usable Firebase service-account "
                    + "file (" + e.getClass().getSimpleName() + ").");
        }
    }

    @Override
    public List<SendOutcome> send(List<PushMessage> pushes) {
        if (pushes.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " pushes a call");
        }
        SendOutcome[] outcomes = new SendOutcome[pushes.size()];
        List<Message> messages = new ArrayList<>(pushes.size());
        List<Integer> positions = new ArrayList<>(pushes.size());
        for (int i = 0; i < pushes.size(); i++) {
            try {
                messages.add(toMessage(pushes.get(i)));
                positions.add(i);
            } catch (IllegalArgumentException e) {
                outcomes[i] = SendOutcome.failed("invalid_message");
            }
        }
        if (!messages.isEmpty()) {
            try {
                BatchResponse batch = messaging.sendEach(messages);
                List<SendResponse> responses = batch.getResponses();
                for (int j = 0; j < responses.size(); j++) {
                    SendResponse response = responses.get(j);
                    outcomes[positions.get(j)] = response.isSuccessful() ? SendOutcome.sent()
                            : classify(response.getException(), clock.instant());
                }
            } catch (FirebaseMessagingException e) {
                SendOutcome all = classify(e, clock.instant());
                positions.forEach(p -> outcomes[p] = all);
            }
        }
        return Arrays.asList(outcomes);
    }

    static Message toMessage(PushMessage push) {
        String priority = push.urgent() ? "10" : "5";
        Message.Builder message = Message.builder().setToken(push.token()).putAllData(push.data());
        AndroidConfig.Builder android = AndroidConfig.builder()
                .setCollapseKey(push.collapseKey())
                .setPriority(push.urgent() ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
                .setTtl(TTL_MILLIS);
        ApnsConfig.Builder apns = ApnsConfig.builder()
                .putHeader("apns-collapse-id", push.collapseKey());
        WebpushConfig.Builder web = WebpushConfig.builder().putHeader("Urgency", push.urgent() ? "high" : "normal");
        if (push.visible() != null) {
            message.setNotification(Notification.builder()
                    .setTitle(push.visible().title()).setBody(push.visible().body()).build());
            android.setNotification(AndroidNotification.builder()
                    .setTag(push.collapseKey())
                    .setVisibility(AndroidNotification.Visibility.PRIVATE)
                    .build());
            apns.putHeader("apns-push-type", "alert").putHeader("apns-priority", priority)
                    .setAps(Aps.builder().setThreadId(push.collapseKey())
                            .setAlert(ApsAlert.builder().setTitle(push.visible().title())
                                    .setBody(push.visible().body()).build())
                            .build());
        } else {
            // Discreet: nothing to show at all; the app wakes, fetches after unlock, and decides itself.
            apns.putHeader("apns-push-type", "background").putHeader("apns-priority", "5")
                    .setAps(Aps.builder().setContentAvailable(true).build());
        }
        return message.setAndroidConfig(android.build()).setApnsConfig(apns.build())
                .setWebpushConfig(web.build()).build();
    }

    static SendOutcome classify(FirebaseMessagingException e, Instant now) {
        MessagingErrorCode code = e.getMessagingErrorCode();
        IncomingHttpResponse response = e.getHttpResponse();
        int status = response == null ? 0 : response.getStatusCode();
        String name = code != null ? code.name() : e.getErrorCode() != null ? e.getErrorCode().name() : "UNKNOWN";
        if (code == MessagingErrorCode.UNREGISTERED) {
            return SendOutcome.tokenInvalid(name);
        }
        boolean invalidArgument = code == MessagingErrorCode.INVALID_ARGUMENT
                || (code == null && e.getErrorCode() == ErrorCode.INVALID_ARGUMENT);
        if (invalidArgument) {
            return aboutToken(response) ? SendOutcome.tokenInvalid("INVALID_ARGUMENT")
                    : SendOutcome.failed("INVALID_ARGUMENT");
        }
        if (code == MessagingErrorCode.QUOTA_EXCEEDED || code == MessagingErrorCode.UNAVAILABLE
                || code == MessagingErrorCode.INTERNAL || status == 429 || status >= 500 || response == null) {
            return SendOutcome.retry(name, retryAfter(response, now));
        }
        return SendOutcome.failed(name);
    }

    /**
     * INVALID_ARGUMENT covers any bad field; only a complaint about {@code message.token} (or FCM's "not a valid
     * FCM registration token") means the token is dead. Anything else is our payload's fault and keeps the token.
     */
    static boolean aboutToken(IncomingHttpResponse response) {
        if (response == null || response.getContent() == null) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(response.getContent()).path("error");
            for (JsonNode detail : error.path("details")) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if ("message.token".equals(violation.path("field").asText())) {
                        return true;
                    }
                }
            }
            return error.path("message").asText("").toLowerCase(Locale.ROOT).contains("registration token");
        } catch (IOException e) {
            return false;
        }
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(IncomingHttpResponse response, Instant now) {
        if (response == null || response.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, Object> header : response.getHeaders().entrySet()) {
            if (!"retry-after".equalsIgnoreCase(header.getKey())) {
                continue;
            }
            Object value = header.getValue();
            if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.get(0);
            }
            return value == null ? null : parseRetryAfter(value.toString().trim(), now);
        }
        return null;
    }

    static Duration parseRetryAfter(String value, Instant now) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public String name() {
        return "fcm";
    }

    @Override
    public void close() {
        app.delete();
    }
}
