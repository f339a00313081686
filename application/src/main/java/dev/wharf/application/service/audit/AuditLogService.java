package dev.wharf.application.service.audit;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.OffsetPaging;
import dev.wharf.application.port.in.audit.AuditLogPage;
import dev.wharf.application.port.in.audit.AuditLogQuery;
import dev.wharf.application.port.in.audit.AuditTrail;
import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.project.Scope;
import java.util.List;

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
    public AuditLogPage auditLog(AuditLogQuery query) {
        access.requireAdmin(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ, REFUSAL);
        OffsetPaging paging = OffsetPaging.parse(query.limit(), query.offset(), INVALID_INTS);
        List<AuditEntry> rows = log.list(query.projectId(), paging.limit() + 1, paging.offset());
        boolean more = rows.size() > paging.limit();
        return new AuditLogPage(
                more ? rows.subList(0, paging.limit()) : rows, more ? paging.next() : null, paging.previous());
    }
}
