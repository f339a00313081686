package dev.wharf.application.port.out.job;

import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores the external data sources of projects; a deleted source stays stored, marked deleted. */
public interface SourceRepository {
    void insert(Source source);

    /** The source if it belongs to {@code projectId}, deleted or not. */
    Optional<Source> findById(ProjectId projectId, SourceId id);

    void update(Source source);

    /** The project's sources that are not deleted, newest first. */
    List<Source> listActive(ProjectId projectId, int limit, int offset);

    /** As {@link #findById}, locked until the surrounding transaction ends. */
    Optional<Source> findByIdForUpdate(ProjectId projectId, SourceId id);

    /** Stores the source's freshness window, last sync and whether its miss was told (the rest stays as stored). */
    void saveFreshness(Source source);

    /**
     * Sources not deleted whose freshness subscribers have not been told of at {@code now}: late and not told so, or
     * told so and fresh again; soonest due first.
     */
    List<Source> freshnessToTell(Instant now, int limit);

    /**
     * Records that subscribers were told it {@code missed} its window (or not), if what was told before is still
     * {@code !missed}; false when another instance told it first.
     */
    boolean markFreshnessTold(SourceId id, boolean missed);
}
