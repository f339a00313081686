package dev.wharf.application.port.in.activity;

/** How many of a project's jobs ran, succeeded and failed lately. */
public interface GetJobStatsUseCase {
    JobStats stats(JobStatsQuery query);
}
