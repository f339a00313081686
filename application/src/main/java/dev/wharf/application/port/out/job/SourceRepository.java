package dev.wharf.application.port.out.job;

import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
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
}
