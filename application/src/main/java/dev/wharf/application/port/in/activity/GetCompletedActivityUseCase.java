package dev.wharf.application.port.in.activity;

/** The project's finished jobs with the requested outcome, newest first. */
public interface GetCompletedActivityUseCase {
    ActivityPage completed(ActivityQuery query);
}
