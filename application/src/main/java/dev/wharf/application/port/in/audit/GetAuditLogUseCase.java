package dev.wharf.application.port.in.audit;

/** A project's audit log of warehouse management requests, newest first; for organization admins only. */
public interface GetAuditLogUseCase {
    AuditLogPage auditLog(AuditLogQuery query);
}
