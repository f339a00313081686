package dev.wharf.adapters.out.jdbi.audit;

import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.project.ProjectId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link AuditLog} on Jdbi. An on-demand SqlObject uses the thread's transaction handle when there is one, so an
 * entry joins the caller's transaction; otherwise its insert commits on its own.
 */
public final class JdbiAuditLog implements AuditLog {
    private final AuditLogDao dao;

    public JdbiAuditLog(Jdbi jdbi) {
        this.dao = jdbi.onDemand(AuditLogDao.class);
    }

    @Override
    public void record(AuditEntry e) {
        dao.insert(
                e.id(),
                e.occurredAt(),
                e.projectId().value(),
                e.userId().value(),
                e.apiKeyId().value(),
                e.action().wireName(),
                e.outcome().wireName(),
                e.detail());
    }

    @Override
    public List<AuditEntry> list(ProjectId project, int limit, int offset) {
        if (limit <= 0) {
            return List.of();
        }
        return dao.list(project.value(), limit, Math.max(offset, 0));
    }
}
