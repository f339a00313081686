package dev.wharf.domain.shared;

/** The input breaks a rule of the model, whatever the state (HTTP 400 at the edge). */
public class RuleViolationException extends DomainException {
    public RuleViolationException(String message) {
        super(message);
    }
}
