package nl.gehoord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code serve} prints once it listens: the address as it really is, and a demo password only when this
 * start made one up. A password the operator chose (GEHOORD_DEMO_PASSWORD) is never repeated on the screen,
 * where it would end up in terminal scrollback and service logs.
 */
final class StartBanner {
    private StartBanner() {
    }

    /**
     * @param host              the address the server is bound to ({@code 0.0.0.0} or {@code ::} is every address)
     * @param generatedPassword the demo password this start generated and set, if it did
     * @param chosenPassword    whether the operator set the demo password through the environment
     */
    static List<String> lines(String host, int port, String dataDir, boolean demo, List<String> demoLogins,
                              Optional<String> generatedPassword, boolean chosenPassword) {
        List<String> out = new ArrayList<>();
        out.add("");
        String pages;
        if (listensEverywhere(host)) {
            String local = "http://localhost:" + port;
            pages = local;
            out.add("Gehoord is listening on all network addresses of this machine, port " + port
                    + ". Here: " + local + "  (health: " + local + "/health)");
            out.add("Anyone who can reach this machine on port " + port
                    + " can reach Gehoord; set GEHOORD_HOST=127.0.0.1 to keep it to this machine.");
        } else {
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            pages = url;
            out.add("Gehoord is running at " + url + "  (health: " + url + "/health), on this address only");
        }
        out.add("Staff pages: " + pages + "/web/login");
        out.add("Data folder: " + dataDir);
        out.add("Youth web app: " + pages + "/app/");
        if (demo) {
            out.add("Trust person's inbox: " + pages + "/web/inbox  (trust@demo.local)");
            out.add("Coordinator's team queue: " + pages + "/web/queue  (coordinator@demo.local)");
            out.add("Council dashboard: " + pages + "/web/council  (council@demo.local, raad.linde@demo.local)");
            out.add("Admin pages: " + pages + "/web/admin  (admin@demo.local)");
            out.add("Demo staff logins: " + String.join(", ", demoLogins));
            if (chosenPassword) {
                out.add("Demo password: the one you set in GEHOORD_DEMO_PASSWORD.");
            } else if (generatedPassword.isPresent()) {
                out.add("Demo password: " + generatedPassword.get());
            } else {
                out.add("Demo password: unchanged since the demo was first seeded (set GEHOORD_DEMO_PASSWORD to "
                        + "choose one).");
            }
        }
        return out;
    }

    static boolean listensEverywhere(String host) {
        return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
                || host.equals("0:0:0:0:0:0:0:0");
    }
}
