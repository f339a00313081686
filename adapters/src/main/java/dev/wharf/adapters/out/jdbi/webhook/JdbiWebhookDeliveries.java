package dev.wharf.adapters.out.jdbi.webhook;

import static dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookSubscriptions.instant;

import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.domain.webhook.DeliveryStatus;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link WebhookDeliveries} on Jdbi. A claim is one conditional UPDATE (pending, due, no live lease), so of two
 * instances racing for a delivery exactly one gets it; finishing is another, which only the lease's owner passes.
 */
public final class JdbiWebhookDeliveries implements WebhookDeliveries {
    private static final String COLUMNS = "d.id, d.event_id, d.subscription_id, d.type, d.status, d.attempts,"
            + " d.created_at, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_detail, d.finished_at";
    private static final String CLAIMABLE =
            "status = 'pending' AND next_attempt_at <= :now" + " AND (lease_until IS NULL OR lease_until <= :now)";

    private final Jdbi jdbi;

    public JdbiWebhookDeliveries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, subscription_id FROM webhook_delivery WHERE " + CLAIMABLE
                        + " ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Due(
                        rs.getObject("id", UUID.class), new WebhookId(rs.getObject("subscription_id", UUID.class))))
                .list());
    }

    @Override
    public Optional<Claim> claim(UUID delivery, String owner, Instant now, Instant leaseUntil) {
        return jdbi.inTransaction(h -> {
            int taken = h.createUpdate("UPDATE webhook_delivery SET lease_owner = :owner, lease_until = :until"
                            + " WHERE id = :id AND " + CLAIMABLE)
                    .bind("owner", owner)
                    .bind("until", leaseUntil)
                    .bind("id", delivery)
                    .bind("now", now)
                    .execute();
            if (taken != 1) {
                return Optional.empty();
            }
            return h.createQuery("SELECT " + COLUMNS + ", e.payload, e.occurred_at FROM webhook_delivery d"
                            + " JOIN webhook_event e ON e.id = d.event_id WHERE d.id = :id")
                    .bind("id", delivery)
                    .map((rs, ctx) -> new Claim(row(rs, ctx), rs.getString("payload"), instant(rs, ctx, "occurred_at")))
                    .findOne();
        });
    }

    @Override
    public boolean finish(WebhookDelivery d, String owner) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook_delivery SET status = :status,"
                                + " attempts = :attempts, next_attempt_at = :next, last_attempt_at = :last,"
                                + " last_status_code = :code, last_detail = :detail, finished_at = :finished,"
                                + " lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                        .bind("status", d.status().wireName())
                        .bind("attempts", d.attempts())
                        .bindByType("next", d.nextAttemptAt(), Instant.class)
                        .bindByType("last", d.lastAttemptAt(), Instant.class)
                        .bind("code", d.lastStatusCode())
                        .bind("detail", d.lastDetail())
                        .bindByType("finished", d.finishedAt(), Instant.class)
                        .bind("id", d.id())
                        .bind("owner", owner)
                        .execute()
                == 1);
    }

    @Override
    public List<WebhookDelivery> ofSubscription(WebhookId subscription, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_delivery d"
                        + " WHERE d.subscription_id = :subscription ORDER BY d.created_at DESC, d.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .bind("subscription", subscription.value())
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> row(rs, ctx))
                .list());
    }

    @Override
    public int endAllClaims(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE webhook_delivery SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")
                .execute());
    }

    @Override
    public Optional<Instant> oldestPending() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT MIN(created_at) AS oldest FROM webhook_delivery WHERE status = 'pending'")
                        .map((rs, ctx) -> Optional.ofNullable(instant(rs, ctx, "oldest")))
                        .one());
    }

    private static WebhookDelivery row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                new WebhookId(rs.getObject("subscription_id", UUID.class)),
                WebhookEventType.fromWireName(rs.getString("type")),
                DeliveryStatus.fromWireName(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, ctx, "created_at"),
                instant(rs, ctx, "next_attempt_at"),
                instant(rs, ctx, "last_attempt_at"),
                rs.getInt("last_status_code"),
                rs.getString("last_detail"),
                instant(rs, ctx, "finished_at"));
    }
}
