package dev.wharf.application.service.webhook;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.RecordingMetrics;
import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.webhook.DeliverySchedule;
import dev.wharf.domain.webhook.DeliveryStatus;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookPayload;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryWorkerTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedSender sender = new ScriptedSender();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private WebhookSubscription subscription;
    private WebhookDeliveryWorker worker;

    @BeforeEach
    void setUp() {
        store.givenProject(1);
        subscription = WebhookSubscription.create(
                PROJECT, "https://hooks.example.com/x", Set.of(WebhookEventType.JOB_FAILED), null, T0);
        store.webhookSubscriptions().insert(subscription);
        worker = worker("w1");
    }

    private WebhookDeliveryWorker worker(String id) {
        return new WebhookDeliveryWorker(
                store.webhookDeliveries(),
                store.webhookSubscriptions(),
                sender,
                store.transactions(),
                metrics,
                clock,
                id,
                () -> 1.0,
                Runnable::run);
    }

    private WebhookEvent event() {
        return WebhookEvent.of(PROJECT, WebhookEventType.JOB_FAILED, clock.instant(), "latest_error", "boom");
    }

    private WebhookDelivery record(WebhookEvent event) {
        return store.webhookOutbox()
                .record(event, List.of(subscription), clock.instant())
                .get(0);
    }

    private WebhookDelivery stored(WebhookDelivery delivery) {
        return store.webhookDeliveries().ofSubscription(delivery.subscriptionId(), 50, 0).stream()
                .filter(d -> d.id().equals(delivery.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDueDeliveryIsSentSignedWithThePayloadAndItsIdAndRecordedDelivered() {
        WebhookEvent event = event();
        WebhookDelivery delivery = record(event);

        assertThat(worker.runOnce(() -> true)).isEqualTo(1);

        assertThat(sender.sent).singleElement().satisfies(request -> {
            assertThat(request.url()).isEqualTo("https://hooks.example.com/x");
            assertThat(request.body()).isEqualTo(WebhookPayload.json(event));
            assertThat(request.messageId()).isEqualTo(delivery.messageId());
            assertThat(request.secrets()).containsExactly(subscription.secret());
        });
        WebhookDelivery after = stored(delivery);
        assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastStatusCode()).isEqualTo(200);
        assertThat(metrics.count("webhookAttempted DELIVERED")).isEqualTo(1);
        assertThat(worker.runOnce(() -> true)).as("nothing more is due").isZero();
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffWithTheSameIdUntilItIsDelivered() {
        sender.then(Outcome.REJECTED, 500).then(Outcome.TIMED_OUT, 0);
        WebhookDelivery delivery = record(event());

        worker.runOnce(() -> true);
        assertThat(stored(delivery).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(stored(delivery).lastStatusCode()).isEqualTo(500);
        assertThat(worker.nextAttemptScheduled()).contains(T0.plus(DeliverySchedule.FIRST_RETRY));
        assertThat(worker.runOnce(() -> true)).as("not before its next attempt").isZero();

        clock.advance(DeliverySchedule.FIRST_RETRY);
        worker.runOnce(() -> true);
        clock.advance(DeliverySchedule.FIRST_RETRY.multipliedBy(2));
        worker.runOnce(() -> true);

        assertThat(sender.sent).hasSize(3).extracting(r -> r.messageId()).containsOnly(delivery.messageId());
        assertThat(stored(delivery).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stored(delivery).attempts()).isEqualTo(3);
        assertThat(store.webhookSubscriptions()
                        .find(subscription.id())
                        .orElseThrow()
                        .failingSince())
                .as("a success ends the failing")
                .isNull();
    }

    @Test
    void aReceiverThatFailsForADayFailsTheDeliveryAndDisablesTheSubscriptionSayingWhy() {
        WebhookDelivery delivery = record(event());
        for (int i = 0; i < 200; i++) {
            sender.then(Outcome.UNREACHABLE, 0);
        }

        Instant end = T0.plus(Duration.ofHours(25));
        while (clock.instant().isBefore(end)) {
            worker.runOnce(() -> true);
            clock.advance(Duration.ofMinutes(5));
        }

        WebhookDelivery failed = stored(delivery);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.lastAttemptAt()).isAfterOrEqualTo(T0.plus(Duration.ofHours(24)));
        WebhookSubscription disabled =
                store.webhookSubscriptions().find(subscription.id()).orElseThrow();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason())
                .startsWith("Disabled: no delivery succeeded for 24 hours (last: failed 0)");

        record(event());
        worker.runOnce(() -> true);
        int sent = sender.sent.size();
        assertThat(store.webhookDeliveries().due(clock.instant().plus(Duration.ofDays(2)), 10))
                .isEmpty();
        assertThat(sender.sent).as("a disabled subscription is not sent to").hasSize(sent);
    }

    @Test
    void aSecretRotatedWhileAnAttemptIsOnTheWireIsKeptWhenTheFailureIsRecorded() {
        record(event());
        sender.then(Outcome.REJECTED, 500);
        WebhookSubscription[] rotated = new WebhookSubscription[1];
        sender.duringSend = () -> {
            rotated[0] = subscription.rotate(dev.wharf.domain.webhook.SigningSecret.generate(), clock.instant());
            store.webhookSubscriptions().update(rotated[0]);
        };

        worker.runOnce(() -> true);

        WebhookSubscription stored =
                store.webhookSubscriptions().find(subscription.id()).orElseThrow();
        assertThat(stored.secret()).as("the rotation is not undone").isEqualTo(rotated[0].secret());
        assertThat(stored.failingSince()).as("and the failure is recorded").isEqualTo(clock.instant());
    }

    @Test
    void aDeliveryToADeletedSubscriptionFailsWithoutBeingSent() {
        WebhookDelivery delivery = record(event());
        store.webhookSubscriptions().delete(PROJECT, subscription.id());

        worker.runOnce(() -> true);

        assertThat(sender.sent).isEmpty();
        assertThat(store.webhookDeliveries().due(clock.instant().plus(Duration.ofDays(2)), 10))
                .isEmpty();
        assertThat(stored(delivery).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(stored(delivery).lastDetail()).isEqualTo("not sent: the webhook was deleted");
    }

    @Test
    void twoWorkersSendEachDeliveryOnce() {
        for (int i = 0; i < 5; i++) record(event());
        WebhookDeliveryWorker other = worker("w2");

        int sent = 0;
        for (int pass = 0; pass < 5; pass++) {
            sent += worker.runOnce(() -> true) + other.runOnce(() -> true);
        }

        assertThat(sent).isEqualTo(5);
        assertThat(sender.sent).hasSize(5).extracting(r -> r.messageId()).doesNotHaveDuplicates();
    }

    @Test
    void aPassSendsAtMostTwoToOneSubscriptionSoOneReceiverCannotHoldTheOthers() {
        WebhookSubscription other = WebhookSubscription.create(
                PROJECT, "https://other.example.com/x", Set.of(WebhookEventType.JOB_FAILED), null, T0);
        store.webhookSubscriptions().insert(other);
        for (int i = 0; i < 5; i++) {
            store.webhookOutbox().record(event(), List.of(subscription, other), clock.instant());
        }

        assertThat(worker.runOnce(() -> true)).isEqualTo(4);
        assertThat(sender.sent)
                .extracting(r -> r.url())
                .containsExactlyInAnyOrder(
                        "https://hooks.example.com/x",
                        "https://hooks.example.com/x",
                        "https://other.example.com/x",
                        "https://other.example.com/x");
    }

    @Test
    void aStoppingWorkerClaimsNothingMore() {
        record(event());
        record(event());

        assertThat(worker.runOnce(() -> false)).isZero();
        assertThat(sender.sent).isEmpty();
    }
}
