package dev.wharf.application.port.out.webhook;

import dev.wharf.domain.webhook.SigningSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Posts one delivery to a subscriber, signed as the Standard Webhooks specification says, and tells how it went. It
 * never throws for what the receiver or the network did: every such end is a {@link Result}. It follows no redirect,
 * bounds the time it waits and the answer it reads, and refuses a target whose address it may not reach.
 */
public interface WebhookSender {
    Result send(Request request);

    /**
     * @param url the subscription's URL
     * @param messageId the {@code webhook-id}: the same for every attempt at one delivery, so receivers can drop repeats
     * @param timestamp the {@code webhook-timestamp} of this attempt
     * @param body the JSON payload, signed as sent
     * @param secrets one signature each (the current secret, and the previous one while a rotation's grace lasts)
     */
    record Request(String url, String messageId, Instant timestamp, String body, List<SigningSecret> secrets) {
        public Request {
            secrets = List.copyOf(secrets);
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("a delivery is signed with at least one secret");
            }
        }
    }

    /**
     * @param outcome how it ended
     * @param statusCode the receiver's HTTP status, 0 when there was none
     * @param detail a short description safe to store and show (never the body whole, never a secret)
     * @param took from the start of the attempt to its end
     */
    record Result(Outcome outcome, int statusCode, String detail, Duration took) {
        public boolean delivered() {
            return outcome == Outcome.DELIVERED;
        }
    }

    enum Outcome {
        /** A 2xx answer. */
        DELIVERED,
        /** Any other answer, a redirect included (never followed). */
        REJECTED,
        /** No answer within the response timeout, or no connection within the connect timeout. */
        TIMED_OUT,
        /** The name did not resolve, the connection was refused or broke, or TLS failed. */
        UNREACHABLE,
        /** The target resolved to an address Wharf may not reach (loopback, private, link-local, metadata, …). */
        FORBIDDEN_ADDRESS
    }
}
