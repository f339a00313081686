package dev.wharf.application.port.in.job;

/**
 * The freshness pass: tells subscribers of each source that missed its freshness window ({@code
 * source.freshness_missed}) and of each that is fresh again ({@code source.freshness_restored}), once each, however
 * many instances run it.
 */
public interface FreshnessChecks {
    /** Returns the number of events told. */
    int tell();
}
