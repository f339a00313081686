package dev.wharf.application.fake;

import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.project.ProjectId;
import java.util.Comparator;
import java.util.List;

/** {@link AuditLog} over an {@link InMemoryStore}: an entry recorded in a transaction goes if it rolls back. */
public final class InMemoryAuditLog implements AuditLog {
    /** The JDBI store's order: {@code ORDER BY occurred_at DESC, id DESC}. */
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::occurredAt)
            .thenComparing(AuditEntry::id, InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    public InMemoryAuditLog(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void record(AuditEntry entry) {
        store.change(t -> {
            InMemoryStore.Tables.requireNew(t.auditLog.containsKey(entry.id()), "audit entry", entry.id());
            t.auditLog.put(entry.id(), entry);
        });
    }

    @Override
    public List<AuditEntry> list(ProjectId project, int limit, int offset) {
        return store.read(t -> t.auditLog.values().stream()
                .filter(e -> e.projectId().equals(project))
                .sorted(NEWEST_FIRST)
                .skip(Math.max(offset, 0))
                .limit(Math.max(limit, 0))
                .toList());
    }
}
