package dev.wharf.application.port.in.job;

/** Soft-deletes a source: it leaves lists and takes no new jobs, and its jobs stay. */
public interface DeleteSourceUseCase {
    void delete(DeleteSourceCommand command);
}
