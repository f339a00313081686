package dev.wharf.domain.webhook;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.shared.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A project's subscription to some of its events at one URL, with the secret deliveries are signed with. After a
 * rotation the previous secret still signs (a second signature) until {@code previousSecretExpiresAt}, so receivers
 * can switch without losing a delivery. A subscription whose deliveries keep failing is disabled, saying why, and
 * takes no new deliveries until it is enabled again. The description is free text: a NUL in it (which PostgreSQL cannot
 * store in a text column) becomes U+FFFD.
 */
public record WebhookSubscription(
        WebhookId id,
        ProjectId projectId,
        String url,
        Set<WebhookEventType> events,
        String description,
        SigningSecret secret,
        SigningSecret previousSecret,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant disabledAt,
        String disabledReason,
        Instant failingSince) {
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_URL = 2048;
    /** How long the previous secret keeps signing after a rotation. */
    public static final Duration ROTATION_GRACE = Duration.ofHours(24);

    public WebhookSubscription {
        Require.nonNull(id, "id");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(url, "url");
        Require.nonNull(secret, "secret");
        Require.nonNull(createdAt, "createdAt");
        if (events == null || events.isEmpty()) {
            throw new RuleViolationException("events must name at least one event");
        }
        events = Set.copyOf(events);
        if (events.contains(WebhookEventType.WEBHOOK_TEST)) {
            throw new RuleViolationException("webhook.test is sent by the test endpoint and cannot be subscribed to");
        }
        description = Texts.withoutNul(description);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new RuleViolationException("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        disabledReason = Texts.truncate(disabledReason, MAX_DESCRIPTION);
    }

    /** A new, enabled subscription with a new secret. */
    public static WebhookSubscription create(
            ProjectId project, String url, Set<WebhookEventType> events, String description, Instant now) {
        Set<WebhookEventType> chosen = events.isEmpty() ? Set.of() : EnumSet.copyOf(events);
        return new WebhookSubscription(
                WebhookId.random(),
                project,
                url,
                chosen,
                description,
                SigningSecret.generate(),
                null,
                null,
                now,
                null,
                null,
                null);
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    public boolean wants(WebhookEventType type) {
        return enabled() && events.contains(type);
    }

    /** The secrets a delivery attempted at {@code now} is signed with: the current one, and the previous in its grace. */
    public List<SigningSecret> signingSecrets(Instant now) {
        List<SigningSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret; the current one keeps signing for {@link #ROTATION_GRACE}. */
    public WebhookSubscription rotate(SigningSecret next, Instant now) {
        return with(next, secret, now.plus(ROTATION_GRACE), disabledAt, disabledReason, failingSince);
    }

    public WebhookSubscription disable(String reason, Instant now) {
        return with(secret, previousSecret, previousSecretExpiresAt, now, reason, failingSince);
    }

    public WebhookSubscription enable() {
        return with(secret, previousSecret, previousSecretExpiresAt, null, null, null);
    }

    /** An attempt failed: the subscription has been failing since then, unless it already was. */
    public WebhookSubscription attemptFailed(Instant now) {
        if (failingSince != null) return this;
        return with(secret, previousSecret, previousSecretExpiresAt, disabledAt, disabledReason, now);
    }

    /** An attempt succeeded: the subscription is not failing. */
    public WebhookSubscription attemptSucceeded() {
        if (failingSince == null) return this;
        return with(secret, previousSecret, previousSecretExpiresAt, disabledAt, disabledReason, null);
    }

    /** This subscription with its changing parts (secrets, enabled, failing) as given. */
    private WebhookSubscription with(
            SigningSecret current,
            SigningSecret previous,
            Instant previousExpiresAt,
            Instant disabled,
            String reason,
            Instant failing) {
        return new WebhookSubscription(
                id,
                projectId,
                url,
                events,
                description,
                current,
                previous,
                previousExpiresAt,
                createdAt,
                disabled,
                reason,
                failing);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + " of project " + projectId + " to " + url + "]";
    }
}
