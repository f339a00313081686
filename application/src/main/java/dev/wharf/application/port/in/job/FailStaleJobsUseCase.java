package dev.wharf.application.port.in.job;

/**
 * Fails the running jobs whose worker has gone quiet: no heartbeat for the configured time. Safe to run in several
 * processes at once: each job is failed under its row lock, and only if it is still running and still quiet.
 */
public interface FailStaleJobsUseCase {
    /** How many jobs this pass failed. */
    int failStaleJobs();
}
