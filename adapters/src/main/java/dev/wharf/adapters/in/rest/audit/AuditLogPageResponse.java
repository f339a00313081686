package dev.wharf.adapters.in.rest.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.PageLinks;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.paging.Page;
import dev.wharf.domain.audit.AuditEntry;
import java.util.List;

/** {@code GET audit_log}: a page of entries with relative links. */
public record AuditLogPageResponse(
        @JsonProperty("results") List<Row> results,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous) {

    /** One entry, every field present ({@code detail} null when there is none). */
    public record Row(
            @JsonProperty("id") String id,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("user_id") String userId,
            @JsonProperty("api_key_id") String apiKeyId,
            @JsonProperty("project_id") long projectId,
            @JsonProperty("action") String action,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("detail") String detail) {
        static Row of(AuditEntry entry) {
            return new Row(
                    entry.id().toString(),
                    Timestamps.format(entry.occurredAt()),
                    entry.userId().toString(),
                    entry.apiKeyId().toString(),
                    entry.projectId().value(),
                    entry.action().wireName(),
                    entry.outcome().wireName(),
                    entry.detail());
        }
    }

    static AuditLogPageResponse of(Page<AuditEntry> page) {
        PageLinks links = PageLinks.of(page);
        return new AuditLogPageResponse(page.results().stream().map(Row::of).toList(), links.next(), links.previous());
    }
}
