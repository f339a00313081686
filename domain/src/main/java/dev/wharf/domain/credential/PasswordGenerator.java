package dev.wharf.domain.credential;

/** Makes new warehouse passwords. A port, so tests can make predictable ones. */
@FunctionalInterface
public interface PasswordGenerator {
    Password generate();
}
