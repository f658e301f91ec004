package nl.gehoord.http;

import io.javalin.security.RouteRole;

/** Who may call a route. PUBLIC needs no credential; the others name the actor kinds of the API outline. */
public enum Role implements RouteRole {
    PUBLIC, DEVICE, TRUST_PERSON, COORDINATOR, COUNCIL, ADMIN;

    public static Role ofStaffRole(String stored) {
        return switch (stored) {
            case "trust_person" -> TRUST_PERSON;
            case "coordinator" -> COORDINATOR;
            case "council" -> COUNCIL;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException("unknown staff role");
        };
    }

    public String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
