package dev.wharf.application.port.in.job;

/** Running jobs that stopped reporting, ended as failed. */
public interface StaleJobs {
    /** How many jobs this pass failed. */
    int failStaleJobs();
}
