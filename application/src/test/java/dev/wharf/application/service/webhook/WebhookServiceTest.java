package dev.wharf.application.service.webhook;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.paging.Page;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.in.webhook.CreateWebhookCommand;
import dev.wharf.application.port.in.webhook.NewSecret;
import dev.wharf.application.port.in.webhook.WebhookCommand;
import dev.wharf.application.port.in.webhook.WebhookListQuery;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.webhook.DeliveryStatus;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final String URL = "https://hooks.example.com/wharf";

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger woken = new AtomicInteger();
    private ProjectAccess access;
    private WebhookService webhooks;
    private Actor admin;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, PROJECT.value(), clock.instant());
        store.givenProject(2);
        access = new ProjectAccess(store.projects(), store.organizations());
        webhooks = service(false);
    }

    private WebhookService service(boolean httpAllowed) {
        return new WebhookService(
                access,
                store.transactions(),
                store.webhookSubscriptions(),
                store.webhookOutbox(),
                store.webhookDeliveries(),
                httpAllowed,
                woken::incrementAndGet,
                clock);
    }

    private NewSecret create(String url, String... events) {
        return webhooks.create(new CreateWebhookCommand(admin, PROJECT, url, List.of(events), "for the on-call"));
    }

    private Actor member(Scope scope, OrganizationRole role) {
        User user = store.givenUser(role + "-" + scope + "@example.com");
        var organization = store.projects().findById(PROJECT).orElseThrow().organizationId();
        store.organizations().saveMembership(new Membership(organization, user.id(), role, T0));
        return new Actor(user.id(), ApiKeyId.random(), Set.of(scope), Set.of());
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndIsListedWithoutIt() {
        NewSecret created = create(URL, "job.failed", "warehouse.state_changed", "job.failed");

        assertThat(created.subscription().secret().reveal()).startsWith("whsec_");
        assertThat(created.subscription().events())
                .containsExactlyInAnyOrder(WebhookEventType.JOB_FAILED, WebhookEventType.WAREHOUSE_STATE_CHANGED);
        Page<WebhookSubscription> page = webhooks.list(new WebhookListQuery(admin, PROJECT, null, null, null));
        assertThat(page.results())
                .extracting(WebhookSubscription::id)
                .containsExactly(created.subscription().id());
    }

    @Test
    void badInputIsRefusedWithTheRuleItBreaks() {
        assertThatThrownBy(() -> create("http://hooks.example.com/x", "job.failed"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("url must be https");
        assertThatThrownBy(() -> create(URL, "job.exploded"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("unknown event 'job.exploded'");
        assertThatThrownBy(() -> create(URL, "webhook.test")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> create(URL)).hasMessage("events must name at least one event");
        assertThatThrownBy(() -> webhooks.create(
                        new CreateWebhookCommand(admin, PROJECT, URL, List.of("job.failed"), "x".repeat(501))))
                .hasMessage("description must be at most 500 characters");
        assertThat(store.webhookSubscriptions().list(PROJECT, 10, 0)).isEmpty();
        assertThat(service(true)
                        .create(new CreateWebhookCommand(
                                admin, PROJECT, "http://127.0.0.1:9000/hook", List.of("job.failed"), null))
                        .subscription()
                        .url())
                .as("where configuration allows http (dev mode)")
                .isEqualTo("http://127.0.0.1:9000/hook");
    }

    @Test
    void onlyOrganizationAdminsManageWebhooksAndStrangersSeeNothing() {
        Actor member = member(Scope.ALL, OrganizationRole.MEMBER);
        Actor reader = member(Scope.WAREHOUSE_VIEW_READ, OrganizationRole.ADMIN);
        Actor elsewhere = new Actor(admin.userId(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of(ProjectId.of(2)));

        assertThatThrownBy(() ->
                        webhooks.create(new CreateWebhookCommand(member, PROJECT, URL, List.of("job.failed"), null)))
                .isInstanceOf(NotAnAdminException.class)
                .hasMessage(WebhookService.REFUSAL);
        assertThatThrownBy(() ->
                        webhooks.create(new CreateWebhookCommand(reader, PROJECT, URL, List.of("job.failed"), null)))
                .isInstanceOf(MissingScopeException.class);
        assertThat(webhooks.list(new WebhookListQuery(reader, PROJECT, null, null, null))
                        .results())
                .isEmpty();
        assertThatThrownBy(() -> webhooks.list(new WebhookListQuery(elsewhere, PROJECT, null, null, null)))
                .isInstanceOf(ProjectNotVisibleException.class);
    }

    @Test
    void aSubscriptionOfAnotherProjectOrAnUnknownIdIsNotFound() {
        NewSecret created = create(URL, "job.failed");
        String id = created.subscription().id().toString();
        var other = store.projects().findById(ProjectId.of(2)).orElseThrow();
        User stranger = store.givenUser("admin-of-two@example.com");
        store.organizations()
                .saveMembership(new Membership(other.organizationId(), stranger.id(), OrganizationRole.ADMIN, T0));
        Actor adminOfTwo = new Actor(stranger.id(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());

        assertThatThrownBy(() -> webhooks.delete(new WebhookCommand(adminOfTwo, ProjectId.of(2), id)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("webhook not found");
        assertThatThrownBy(() -> webhooks.test(new WebhookCommand(admin, PROJECT, "not-a-uuid")))
                .isInstanceOf(NotFoundException.class);
        webhooks.delete(new WebhookCommand(admin, PROJECT, id));
        assertThatThrownBy(() -> webhooks.delete(new WebhookCommand(admin, PROJECT, id)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aProjectHasAtMostTwentyWebhooks() {
        for (int i = 0; i < WebhookService.MAX_PER_PROJECT; i++) {
            create(URL + i, "job.failed");
        }
        assertThatThrownBy(() -> create(URL, "job.failed"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a project has at most 20 webhooks");
    }

    @Test
    void aTestIsOneDeliveryToThatSubscriptionAloneAndWakesTheWorker() {
        NewSecret created = create(URL, "job.failed");
        create(URL + "/other", "job.failed");
        WebhookCommand command =
                new WebhookCommand(admin, PROJECT, created.subscription().id().toString());

        WebhookDelivery delivery = webhooks.test(command);

        assertThat(delivery.type()).isEqualTo(WebhookEventType.WEBHOOK_TEST);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(woken).hasValue(1);
        assertThat(webhooks.deliveries(new WebhookListQuery(
                                admin, PROJECT, created.subscription().id().toString(), null, null))
                        .results())
                .containsExactly(delivery);
        assertThat(store.webhookDeliveries().due(clock.instant(), 10))
                .extracting(WebhookDeliveries.Due::delivery)
                .containsExactly(delivery.id());
    }

    @Test
    void aRotationShowsTheNewSecretOnceAndKeepsTheOldSigningForADay() {
        NewSecret created = create(URL, "job.failed");
        WebhookCommand command =
                new WebhookCommand(admin, PROJECT, created.subscription().id().toString());

        NewSecret rotated = webhooks.rotateSecret(command);

        assertThat(rotated.subscription().secret())
                .isNotEqualTo(created.subscription().secret());
        WebhookSubscription stored =
                store.webhookSubscriptions().find(created.subscription().id()).orElseThrow();
        assertThat(stored.signingSecrets(clock.instant().plus(Duration.ofHours(1))))
                .containsExactly(
                        rotated.subscription().secret(), created.subscription().secret());
    }
}
