package dev.wharf.application.port.in.audit;

import dev.wharf.domain.audit.AuditEntry;
import java.util.List;

/**
 * One page of a project's audit log, newest first, with the relative query strings ({@code ?limit=…&offset=…}) of the
 * next and previous pages, or null when there is none.
 */
public record AuditLogPage(List<AuditEntry> results, String next, String previous) {
    public AuditLogPage {
        results = List.copyOf(results);
    }
}
