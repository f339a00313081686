package dev.wharf.domain.shared;

/** Something the caller named does not exist (HTTP 404 at the edge). */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
