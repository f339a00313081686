package dev.wharf.adapters.out.jdbi.webhook;

import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link WebhookSubscriptions} on Jdbi; secrets sealed by a {@link SecretBox} on the way in, opened on the way out. */
public final class JdbiWebhookSubscriptions implements WebhookSubscriptions {
    private static final String COLUMNS = "id, project_id, url, events, description, secret_sealed,"
            + " previous_secret_sealed, previous_secret_expires_at, created_at, disabled_at, disabled_reason,"
            + " failing_since";

    private final Jdbi jdbi;
    private final SecretBox box;

    public JdbiWebhookSubscriptions(Jdbi jdbi, SecretBox box) {
        this.jdbi = jdbi;
        this.box = box;
    }

    @Override
    public void insert(WebhookSubscription s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES (:id, :projectId,"
                        + " :url, :events, :description, :secret, :previousSecret, :previousExpiresAt, :createdAt,"
                        + " :disabledAt, :disabledReason, :failingSince)")
                .bind("id", s.id().value())
                .bind("projectId", s.projectId().value())
                .bind("createdAt", s.createdAt())
                .bindMap(mutable(s))
                .bindByType("previousExpiresAt", s.previousSecretExpiresAt(), Instant.class)
                .bindByType("disabledAt", s.disabledAt(), Instant.class)
                .bindByType("failingSince", s.failingSince(), Instant.class)
                .execute());
    }

    @Override
    public Optional<WebhookSubscription> find(ProjectId project, WebhookId id) {
        return find(id).filter(s -> s.projectId().equals(project));
    }

    @Override
    public Optional<WebhookSubscription> find(WebhookId id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id.value())
                .map((rs, ctx) -> row(rs, ctx))
                .findOne());
    }

    @Override
    public Optional<WebhookSubscription> findForUpdate(WebhookId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM webhook_subscription WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .bind("id", id.value())
                .map((rs, ctx) -> row(rs, ctx))
                .findOne());
    }

    @Override
    public List<WebhookSubscription> list(ProjectId project, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription"
                        + " WHERE project_id = :project AND deleted_at IS NULL ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .bind("project", project.value())
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> row(rs, ctx))
                .list());
    }

    @Override
    public boolean update(WebhookSubscription s) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook_subscription SET url = :url, events = :events,"
                                + " description = :description, secret_sealed = :secret,"
                                + " previous_secret_sealed = :previousSecret,"
                                + " previous_secret_expires_at = :previousExpiresAt, disabled_at = :disabledAt,"
                                + " disabled_reason = :disabledReason, failing_since = :failingSince"
                                + " WHERE id = :id AND deleted_at IS NULL")
                        .bind("id", s.id().value())
                        .bindMap(mutable(s))
                        .bindByType("previousExpiresAt", s.previousSecretExpiresAt(), Instant.class)
                        .bindByType("disabledAt", s.disabledAt(), Instant.class)
                        .bindByType("failingSince", s.failingSince(), Instant.class)
                        .execute()
                == 1);
    }

    @Override
    public boolean delete(ProjectId project, WebhookId id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook_subscription SET deleted_at = CURRENT_TIMESTAMP"
                                + " WHERE id = :id AND project_id = :project AND deleted_at IS NULL")
                        .bind("id", id.value())
                        .bind("project", project.value())
                        .execute()
                == 1);
    }

    @Override
    public List<WebhookSubscription> wanting(ProjectId project, WebhookEventType type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription"
                        + " WHERE project_id = :project AND deleted_at IS NULL AND disabled_at IS NULL"
                        + " ORDER BY created_at, id")
                .bind("project", project.value())
                .map((rs, ctx) -> row(rs, ctx))
                .filter(s -> s.wants(type))
                .list());
    }

    /** The columns a subscription's changes write, but the instants (bound by type: they may be null). */
    private Map<String, Object> mutable(WebhookSubscription s) {
        Map<String, Object> values = new HashMap<>();
        values.put("url", s.url());
        values.put(
                "events",
                s.events().stream().map(WebhookEventType::wireName).sorted().collect(Collectors.joining(",")));
        values.put("description", s.description());
        values.put("secret", box.seal(s.secret(), s.id()));
        values.put("previousSecret", s.previousSecret() == null ? null : box.seal(s.previousSecret(), s.id()));
        values.put("disabledReason", s.disabledReason());
        return values;
    }

    private WebhookSubscription row(ResultSet rs, StatementContext ctx) throws SQLException {
        WebhookId id = new WebhookId(rs.getObject("id", UUID.class));
        String previous = rs.getString("previous_secret_sealed");
        Set<WebhookEventType> events = Arrays.stream(rs.getString("events").split(","))
                .map(WebhookEventType::fromWireName)
                .collect(Collectors.toSet());
        return new WebhookSubscription(
                id,
                ProjectId.of(rs.getLong("project_id")),
                rs.getString("url"),
                events,
                rs.getString("description"),
                box.open(rs.getString("secret_sealed"), id),
                previous == null ? null : box.open(previous, id),
                instant(rs, ctx, "previous_secret_expires_at"),
                instant(rs, ctx, "created_at"),
                instant(rs, ctx, "disabled_at"),
                rs.getString("disabled_reason"),
                instant(rs, ctx, "failing_since"));
    }

    /** A column read by the Instant mapper every repository uses (WharfJdbi registers it). */
    static Instant instant(ResultSet rs, StatementContext ctx, String column) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
