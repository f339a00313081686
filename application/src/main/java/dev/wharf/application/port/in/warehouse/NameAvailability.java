package dev.wharf.application.port.in.warehouse;

import java.util.Optional;

/** The answer to a name check: the reason is present exactly when the name is not available. */
public record NameAvailability(String name, boolean available, Optional<String> reason) {}
