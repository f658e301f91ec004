package nl.gehoord.web;

import nl.gehoord.http.Actor;
import nl.gehoord.http.Role;

/**
 * What every page's frame needs: its title (never any case content), who is logged in, the CSRF token for its
 * forms and htmx requests, the asset URLs and the words.
 *
 * @param staff null on the log-in page
 * @param nav   the menu item of this page ("inbox", "queue", "council"), for aria-current
 * @param flash a short confirmation or error to announce, or null
 */
public record Page(String title, Actor.Staff staff, String staffName, String csrf, Assets assets, Words words,
                   String nav, Flash flash) {

    /** A message at the top of the page: role=status for a confirmation, role=alert for an error. */
    public record Flash(boolean error, String text) {
    }

    public boolean loggedIn() {
        return staff != null;
    }

    public boolean caseWorker() {
        return staff != null && (staff.role() == Role.TRUST_PERSON || staff.role() == Role.COORDINATOR);
    }

    public boolean coordinator() {
        return staff != null && staff.role() == Role.COORDINATOR;
    }

    public boolean admin() {
        return staff != null && staff.role() == Role.ADMIN;
    }

    public boolean council() {
        return staff != null && staff.role() == Role.COUNCIL;
    }

    public String current(String item) {
        return item.equals(nav) ? "page" : null;
    }

    public String roleName() {
        return staff == null ? "" : words.get("role." + staff.role().stored());
    }

    /** htmx sends this on every request it makes, so each state change carries the token. */
    public String htmxHeaders() {
        return "{\"" + WebSessions.CSRF_HEADER + "\": \"" + csrf + "\"}";
    }
}
