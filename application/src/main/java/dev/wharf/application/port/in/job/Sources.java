package dev.wharf.application.port.in.job;

import dev.wharf.application.paging.Page;
import dev.wharf.domain.job.Source;

/** The sources a project's import jobs load from. */
public interface Sources {
    /** Registers an external data source, so that import jobs can report against it. */
    Source create(CreateSourceCommand command);

    /** Sets or removes the source's freshness window. */
    Source update(UpdateSourceCommand command);

    /** Soft-deletes a source: it leaves lists and takes no new jobs, and its jobs stay. */
    void delete(DeleteSourceCommand command);

    /** The sources of a project that are not deleted, newest first, one page at a time. */
    Page<Source> list(ListSourcesQuery query);
}
