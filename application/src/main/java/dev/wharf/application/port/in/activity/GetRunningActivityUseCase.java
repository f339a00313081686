package dev.wharf.application.port.in.activity;

/** The project's running jobs, imports and models, newest first. */
public interface GetRunningActivityUseCase {
    ActivityPage running(ActivityQuery query);
}
