package dev.wharf.application.port.in.audit;

import dev.wharf.application.paging.Page;
import dev.wharf.domain.audit.AuditEntry;

/** The audit log of a project's warehouse management actions, for its organization's admins. */
public interface AuditTrail {
    /** A project's audit log of warehouse management requests, newest first; for organization admins only. */
    Page<AuditEntry> auditLog(AuditLogQuery query);
}
