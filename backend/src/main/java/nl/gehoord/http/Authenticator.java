package nl.gehoord.http;

import java.util.Optional;

/** Resolves a bearer token of one kind (recognised by its prefix) to an actor. */
public interface Authenticator {
    /** The token prefix this authenticator handles, such as "gd_" for devices. */
    String prefix();

    Optional<Actor> authenticate(String token);
}
