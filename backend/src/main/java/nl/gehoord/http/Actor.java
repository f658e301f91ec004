package nl.gehoord.http;

/** The caller of a request, resolved from its credential. */
public sealed interface Actor {
    Role role();

    /** No credential, or one for a public route. */
    record Anonymous() implements Actor {
        @Override
        public Role role() {
            return Role.PUBLIC;
        }
    }

    /** A young person's app install: the phone's locale, and the language picked in the app (null: none). */
    record Device(String deviceId, String locale, String language) implements Actor {
        @Override
        public Role role() {
            return Role.DEVICE;
        }
    }

    /** A staff member with one role, working for one organisation (and possibly one team). */
    record Staff(String staffId, Role role, String organisationId, String teamId, String sessionId) implements Actor {
    }
}
