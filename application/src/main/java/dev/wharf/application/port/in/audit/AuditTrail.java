package dev.wharf.application.port.in.audit;

/** The audit log of a project's warehouse management actions, for its organization's admins. */
public interface AuditTrail {
    /** A project's audit log of warehouse management requests, newest first; for organization admins only. */
    AuditLogPage auditLog(AuditLogQuery query);
}
