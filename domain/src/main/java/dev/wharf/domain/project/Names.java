package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;

/** Display names: trimmed, not blank, bounded, no control characters. */
final class Names {
    private Names() {}

    static String requireName(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(what + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new RuleViolationException(what + " must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException(what + " must not contain control characters");
        }
        return trimmed;
    }
}
