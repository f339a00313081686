package dev.wharf.adapters.out.webhook;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;

/**
 * A delivery that ended before the receiver gave a status, thrown inside the sender and turned into its {@code
 * Result}. The message is the result's {@code detail}: short and safe to store and show.
 */
final class DeliveryFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Outcome outcome;

    DeliveryFailure(Outcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    /** A target Wharf may not reach: the URL's rules, or the address it resolves to. */
    static DeliveryFailure refused(String why) {
        return new DeliveryFailure(Outcome.FORBIDDEN_ADDRESS, "refused: " + why);
    }

    static DeliveryFailure unreachable(String why) {
        return new DeliveryFailure(Outcome.UNREACHABLE, why);
    }

    static DeliveryFailure timedOut(String why) {
        return new DeliveryFailure(Outcome.TIMED_OUT, why);
    }

    Outcome outcome() {
        return outcome;
    }
}
