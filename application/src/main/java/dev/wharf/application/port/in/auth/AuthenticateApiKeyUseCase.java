package dev.wharf.application.port.in.auth;

import java.util.Optional;

/** Finds the actor behind a presented personal API key; empty when the key is malformed or unknown. */
public interface AuthenticateApiKeyUseCase {
    Optional<Actor> authenticate(String presentedKey);
}
