package dev.wharf.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {
    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
    private final WebhookSubscription subscription = WebhookSubscription.create(
            ProjectId.of(1), "https://hooks.example.com/wharf", Set.of(WebhookEventType.JOB_FAILED), null, T0);

    @Test
    void aRotatedSecretKeepsTheOldOneSigningForADay() {
        SigningSecret old = subscription.secret();
        WebhookSubscription rotated = subscription.rotate(SigningSecret.generate(), T0);

        assertThat(rotated.signingSecrets(T0.plus(Duration.ofHours(23)))).containsExactly(rotated.secret(), old);
        assertThat(rotated.signingSecrets(T0.plus(Duration.ofHours(24)))).containsExactly(rotated.secret());
        assertThat(rotated.secret()).isNotEqualTo(old);
    }

    @Test
    void aDisabledSubscriptionWantsNothingUntilEnabled() {
        WebhookSubscription disabled = subscription.attemptFailed(T0).disable("failing for a day", T0);

        assertThat(disabled.wants(WebhookEventType.JOB_FAILED)).isFalse();
        assertThat(disabled.disabledReason()).isEqualTo("failing for a day");
        WebhookSubscription enabled = disabled.enable();
        assertThat(enabled.wants(WebhookEventType.JOB_FAILED)).isTrue();
        assertThat(enabled.wants(WebhookEventType.JOB_STALE)).isFalse();
        assertThat(enabled.failingSince()).isNull();
    }

    @Test
    void failingSinceIsTheFirstFailureUntilASuccess() {
        WebhookSubscription failing = subscription.attemptFailed(T0).attemptFailed(T0.plusSeconds(60));

        assertThat(failing.failingSince()).isEqualTo(T0);
        assertThat(failing.attemptSucceeded().failingSince()).isNull();
    }

    @Test
    void aNulInTheDescriptionIsKeptAsAReplacementCharacter() {
        WebhookSubscription described = WebhookSubscription.create(
                ProjectId.of(1), "https://x.example", Set.of(WebhookEventType.JOB_FAILED), "on\u0000call", T0);

        assertThat(described.description()).isEqualTo("on\uFFFDcall");
    }

    @Test
    void eventsAreRequiredAndTheTestEventCannotBeSubscribedTo() {
        assertThatThrownBy(() -> WebhookSubscription.create(ProjectId.of(1), "https://x.example", Set.of(), null, T0))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("events must name at least one event");
        assertThatThrownBy(() -> WebhookSubscription.create(
                        ProjectId.of(1), "https://x.example", Set.of(WebhookEventType.WEBHOOK_TEST), null, T0))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> WebhookEventType.subscribable("warehouse.exploded"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("unknown event 'warehouse.exploded'; events are warehouse.state_changed,");
    }

    @Test
    void theSecretIsWhsecBase64AndNeverPrinted() {
        SigningSecret secret = subscription.secret();

        assertThat(secret.reveal()).startsWith("whsec_").hasSize("whsec_".length() + 44);
        assertThat(SigningSecret.parse(secret.reveal())).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(6));
        assertThat(subscription.toString()).doesNotContain(secret.reveal().substring(6));
        assertThatThrownBy(() -> SigningSecret.parse("whsec_%%%")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> SigningSecret.parse("secret")).isInstanceOf(RuleViolationException.class);
    }
}
