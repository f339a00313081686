package dev.wharf.application.port.in.job;

import dev.wharf.domain.job.Source;

/** The sources of a project that are not deleted, newest first, one page at a time. */
public interface ListSourcesUseCase {
    Page<Source> list(ListSourcesQuery query);
}
