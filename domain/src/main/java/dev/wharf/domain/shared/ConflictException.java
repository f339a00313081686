package dev.wharf.domain.shared;

/** The request is valid but the current state forbids it (HTTP 409 at the edge). */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
