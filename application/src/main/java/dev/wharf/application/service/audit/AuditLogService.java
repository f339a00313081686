package dev.wharf.application.service.audit;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.audit.AuditLogQuery;
import dev.wharf.application.port.in.audit.AuditTrail;
import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.project.Scope;

/**
 * {@code GET audit_log}: a project's audit entries, newest first, paginated as running_activity is (without its
 * {@code cutoff_days}: an audit log is read whole); organization admins only.
 */
public final class AuditLogService implements AuditTrail {
    public static final String REFUSAL = "Only organization admins can view the audit log";
    public static final String INVALID_INTS = "Invalid limit or offset parameter";

    private final ProjectAccess access;
    private final AuditLog log;

    public AuditLogService(ProjectAccess access, AuditLog log) {
        this.access = access;
        this.log = log;
    }

    @Override
    public Page<AuditEntry> auditLog(AuditLogQuery query) {
        access.requireAdmin(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ, REFUSAL);
        Paging paging = Paging.parse(query.limit(), query.offset(), INVALID_INTS);
        return paging.page(log.list(query.projectId(), paging.fetch(), paging.offset()));
    }
}
