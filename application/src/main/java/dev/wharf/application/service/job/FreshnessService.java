package dev.wharf.application.service.job;

import dev.wharf.application.port.in.job.FreshnessChecks;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;

/**
 * Tells {@code source.freshness_missed} of a source no import of which completed within its window, and {@code
 * source.freshness_restored} once one has. Each is told once: what was told is recorded with a compare-and-set in the
 * transaction that records the event, so of several instances running the pass at once only one tells it.
 */
public final class FreshnessService implements FreshnessChecks {
    static final int BATCH = 100;
    private static final int MAX_BATCHES = 10;

    private final TransactionRunner transactions;
    private final SourceRepository sources;
    private final EventPublisher events;
    private final Clock clock;

    public FreshnessService(
            TransactionRunner transactions, SourceRepository sources, EventPublisher events, Clock clock) {
        this.transactions = transactions;
        this.sources = sources;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int tell() {
        int told = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            var due = sources.freshnessToTell(now, BATCH);
            for (Source source : due) {
                boolean late = source.isLate(now);
                boolean first = transactions.inTransaction(() -> {
                    if (!sources.markFreshnessTold(source.id(), late)) {
                        return false;
                    }
                    events.publish(event(source, late, now));
                    return true;
                });
                if (first) told++;
            }
            if (due.size() < BATCH) break;
        }
        return told;
    }

    static WebhookEvent event(Source source, boolean late, Instant now) {
        return WebhookEvent.of(
                source.projectId(),
                late ? WebhookEventType.SOURCE_FRESHNESS_MISSED : WebhookEventType.SOURCE_FRESHNESS_RESTORED,
                now,
                "source_id",
                source.id().toString(),
                "source_type",
                source.sourceType(),
                "freshness",
                source.freshness().text(),
                "last_synced_at",
                source.lastSyncedAt(),
                "due_at",
                source.freshnessDueAt());
    }
}
