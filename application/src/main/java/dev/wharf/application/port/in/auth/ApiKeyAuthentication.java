package dev.wharf.application.port.in.auth;

import java.util.Optional;

/** Who presents a personal API key. */
public interface ApiKeyAuthentication {
    /** Finds the actor behind a presented personal API key; empty when the key is malformed or unknown. */
    Optional<Actor> authenticate(String presentedKey);
}
