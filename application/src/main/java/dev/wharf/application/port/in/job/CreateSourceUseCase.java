package dev.wharf.application.port.in.job;

import dev.wharf.domain.job.Source;

/** Registers an external data source, so that import jobs can report against it. */
public interface CreateSourceUseCase {
    Source create(CreateSourceCommand command);
}
