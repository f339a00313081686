package dev.wharf.application.port.in.activity;

/** Counts of a project's jobs by outcome over the last days, bucketed. */
public interface JobStatistics {
    /** How many of a project's jobs ran, succeeded and failed lately. */
    JobStats stats(JobStatsQuery query);
}
