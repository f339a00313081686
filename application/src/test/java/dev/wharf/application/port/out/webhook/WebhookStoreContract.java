package dev.wharf.application.port.out.webhook;

import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.webhook.WebhookDeliveries.Claim;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.webhook.DeliveryStatus;
import dev.wharf.domain.webhook.SigningSecret;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookPayload;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions, the outbox and the delivery queue of one store, as the webhook services rely on them. */
public abstract class WebhookStoreContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);

    @BeforeEach
    void givenProjects() {
        store.givenProject(1);
        store.givenProject(2);
    }

    private WebhookSubscription subscribe(ProjectId project, long createdAt, WebhookEventType... events) {
        WebhookSubscription s = WebhookSubscription.create(
                project, "https://hooks.example.com/" + createdAt, Set.of(events), "desc " + createdAt, at(createdAt));
        store.webhookSubscriptions().insert(s);
        return s;
    }

    private WebhookEvent event(ProjectId project, WebhookEventType type, long at) {
        return WebhookEvent.of(project, type, at(at), "latest_error", "boom \"quoted\"", "rows", 12L);
    }

    @Test
    void aSubscriptionReadsBackWithItsSecretsAndIsListedNewestFirst() {
        WebhookSubscription first = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookSubscription second =
                subscribe(PROJECT, 2, WebhookEventType.JOB_FAILED, WebhookEventType.WAREHOUSE_STATE_CHANGED);
        subscribe(OTHER, 3, WebhookEventType.JOB_FAILED);
        WebhookSubscription rotated =
                first.rotate(SigningSecret.generate(), at(5)).disable("failing", at(6));
        assertThat(store.webhookSubscriptions().update(rotated)).isTrue();

        assertThat(store.webhookSubscriptions().find(PROJECT, first.id())).contains(rotated);
        assertThat(store.webhookSubscriptions().find(OTHER, first.id())).isEmpty();
        assertThat(store.webhookSubscriptions().find(second.id())).contains(second);
        assertThat(store.transactions()
                        .inTransaction(() -> store.webhookSubscriptions().findForUpdate(first.id())))
                .contains(rotated);
        assertThat(store.webhookSubscriptions().list(PROJECT, 10, 0)).containsExactly(second, rotated);
        assertThat(store.webhookSubscriptions().list(PROJECT, 1, 1)).containsExactly(rotated);
    }

    @Test
    void onlyEnabledSubscriptionsOfTheProjectWantingTheTypeAreWanting() {
        WebhookSubscription jobs = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookSubscription both =
                subscribe(PROJECT, 2, WebhookEventType.JOB_FAILED, WebhookEventType.WAREHOUSE_STATE_CHANGED);
        WebhookSubscription disabled = subscribe(PROJECT, 3, WebhookEventType.JOB_FAILED);
        store.webhookSubscriptions().update(disabled.disable("no", at(4)));
        subscribe(OTHER, 4, WebhookEventType.JOB_FAILED);

        assertThat(store.webhookSubscriptions().wanting(PROJECT, WebhookEventType.JOB_FAILED))
                .extracting(WebhookSubscription::id)
                .containsExactlyInAnyOrder(jobs.id(), both.id());
        assertThat(store.webhookSubscriptions().wanting(PROJECT, WebhookEventType.JOB_STALE))
                .isEmpty();
    }

    @Test
    void aDeletedSubscriptionIsGoneForEveryRead() {
        WebhookSubscription s = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);

        assertThat(store.webhookSubscriptions().delete(OTHER, s.id())).isFalse();
        assertThat(store.webhookSubscriptions().delete(PROJECT, s.id())).isTrue();
        assertThat(store.webhookSubscriptions().delete(PROJECT, s.id())).isFalse();
        assertThat(store.webhookSubscriptions().find(s.id())).isEmpty();
        assertThat(store.transactions()
                        .inTransaction(() -> store.webhookSubscriptions().findForUpdate(s.id())))
                .isEmpty();
        assertThat(store.webhookSubscriptions().list(PROJECT, 10, 0)).isEmpty();
        assertThat(store.webhookSubscriptions().wanting(PROJECT, WebhookEventType.JOB_FAILED))
                .isEmpty();
        assertThat(store.webhookSubscriptions().update(s)).isFalse();
        assertThat(store.webhookSubscriptions().delete(PROJECT, WebhookId.random()))
                .isFalse();
    }

    @Test
    void anEventIsRecordedWithADeliveryPerSubscriptionAndClaimedWithItsPayload() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookSubscription b = subscribe(PROJECT, 2, WebhookEventType.JOB_FAILED);
        WebhookEvent event = event(PROJECT, WebhookEventType.JOB_FAILED, 10);

        List<WebhookDelivery> deliveries = store.webhookOutbox().record(event, List.of(a, b), at(11));

        assertThat(deliveries).extracting(WebhookDelivery::subscriptionId).containsExactly(a.id(), b.id());
        assertThat(store.webhookDeliveries().due(at(10), 10))
                .as("not due before it was recorded")
                .isEmpty();
        assertThat(store.webhookDeliveries().due(at(11), 10)).hasSize(2);
        Optional<Claim> claim =
                store.webhookDeliveries().claim(deliveries.get(0).id(), "w1", at(11), at(71));
        assertThat(claim).hasValueSatisfying(c -> {
            assertThat(c.delivery()).isEqualTo(deliveries.get(0));
            assertThat(c.body()).isEqualTo(WebhookPayload.json(event));
            assertThat(c.occurredAt()).isEqualTo(at(10));
        });
        assertThat(store.webhookDeliveries().oldestPending()).contains(at(11));
    }

    @Test
    void aClaimIsRefusedWhileAnotherWorkersLeaseLivesAndALostLeaseSavesNothing() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookDelivery d = store.webhookOutbox()
                .record(event(PROJECT, WebhookEventType.JOB_FAILED, 10), List.of(a), at(10))
                .get(0);
        store.webhookDeliveries().claim(d.id(), "w1", at(10), at(70)).orElseThrow();

        assertThat(store.webhookDeliveries().claim(d.id(), "w2", at(20), at(80)))
                .isEmpty();
        assertThat(store.webhookDeliveries().due(at(20), 10)).isEmpty();
        assertThat(store.webhookDeliveries().claim(d.id(), "w2", at(71), at(131)))
                .isPresent();

        assertThat(store.webhookDeliveries().finish(d.delivered(200, "HTTP 200", at(72)), "w1"))
                .isFalse();
        assertThat(store.webhookDeliveries().finish(d.attemptFailed(500, "HTTP 500", at(72), at(90)), "w2"))
                .isTrue();
        assertThat(store.webhookDeliveries().due(at(89), 10)).isEmpty();
        assertThat(store.webhookDeliveries().due(at(90), 10))
                .extracting(WebhookDeliveries.Due::delivery)
                .containsExactly(d.id());
    }

    @Test
    void endingEveryClaimFreesTheDeliveriesAtOnce() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookDelivery d = store.webhookOutbox()
                .record(event(PROJECT, WebhookEventType.JOB_FAILED, 10), List.of(a), at(10))
                .get(0);
        store.webhookDeliveries().claim(d.id(), "dead", at(10), at(70)).orElseThrow();

        assertThat(store.webhookDeliveries().endAllClaims(at(11))).isEqualTo(1);
        assertThat(store.webhookDeliveries().due(at(11), 10))
                .extracting(WebhookDeliveries.Due::delivery)
                .containsExactly(d.id());
        assertThat(store.webhookDeliveries().finish(d.delivered(200, "HTTP 200", at(12)), "dead"))
                .as("the dead owner's lease is gone")
                .isFalse();
    }

    @Test
    void aFinishedDeliveryIsListedWithItsOutcomeAndNoLongerDue() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        WebhookDelivery first = store.webhookOutbox()
                .record(event(PROJECT, WebhookEventType.JOB_FAILED, 10), List.of(a), at(10))
                .get(0);
        WebhookDelivery second = store.webhookOutbox()
                .record(event(PROJECT, WebhookEventType.JOB_FAILED, 20), List.of(a), at(20))
                .get(0);
        store.webhookDeliveries().claim(first.id(), "w", at(30), at(90));
        WebhookDelivery delivered = first.delivered(204, "HTTP 204", at(31));
        store.webhookDeliveries().finish(delivered, "w");
        store.webhookDeliveries().claim(second.id(), "w", at(31), at(91));
        WebhookDelivery failed = second.attemptFailed(0, "connection refused", at(32), null);
        store.webhookDeliveries().finish(failed, "w");

        assertThat(store.webhookDeliveries().ofSubscription(a.id(), 10, 0)).containsExactly(failed, delivered);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.webhookDeliveries().due(at(10_000), 10)).isEmpty();
        assertThat(store.webhookDeliveries().oldestPending()).isEmpty();
    }

    @Test
    void anEventWithAOnceKeyIsRecordedOncePerProject() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.USAGE_ROW_LIMIT_REACHED);
        WebhookEvent first = event(PROJECT, WebhookEventType.USAGE_ROW_LIMIT_REACHED, 10);

        assertThat(store.webhookOutbox().recordOnce(first, "period-2026-12", List.of(a), at(10)))
                .isTrue();
        assertThat(store.webhookOutbox()
                        .recordOnce(
                                event(PROJECT, WebhookEventType.USAGE_ROW_LIMIT_REACHED, 11),
                                "period-2026-12",
                                List.of(a),
                                at(11)))
                .isFalse();
        assertThat(store.webhookOutbox()
                        .recordOnce(
                                event(OTHER, WebhookEventType.USAGE_ROW_LIMIT_REACHED, 12),
                                "period-2026-12",
                                List.of(),
                                at(12)))
                .isTrue();
        assertThat(store.webhookDeliveries().due(at(20), 10)).hasSize(1);
    }

    @Test
    void anEventRecordedInATransactionThatRollsBackLeavesNothing() {
        WebhookSubscription a = subscribe(PROJECT, 1, WebhookEventType.JOB_FAILED);
        try {
            store.transactions().inTransaction(() -> {
                store.webhookOutbox().record(event(PROJECT, WebhookEventType.JOB_FAILED, 10), List.of(a), at(10));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(store.webhookDeliveries().due(at(10), 10)).isEmpty();
        assertThat(store.webhookDeliveries().oldestPending()).isEmpty();
    }
}
