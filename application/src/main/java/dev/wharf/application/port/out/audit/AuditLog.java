package dev.wharf.application.port.out.audit;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.project.ProjectId;
import java.util.List;

/**
 * The audit log of warehouse management requests: appended to, never changed. Entries hold ids, never a secret.
 */
public interface AuditLog {
    /**
     * Appends {@code entry}. Inside a {@link TransactionRunner#inTransaction} it joins that transaction (and goes if
     * it rolls back); outside one it is committed on its own before this returns.
     */
    void record(AuditEntry entry);

    /**
     * A project's entries, newest first ({@code occurredAt} descending, then {@code id} descending as the databases
     * order UUIDs, so pages are stable): at most {@code limit}, after skipping {@code offset}.
     */
    List<AuditEntry> list(ProjectId project, int limit, int offset);
}
