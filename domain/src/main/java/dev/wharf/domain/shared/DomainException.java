package dev.wharf.domain.shared;

/** Base of the domain's error taxonomy; each subclass maps to one HTTP status family at the edge. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
