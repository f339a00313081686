package dev.wharf.adapters.in.rest.activity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.activity.JobStats;
import dev.wharf.application.port.in.activity.JobStats.KindCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET job_stats}: totals, counts per kind and the breakdown, its keys newest first. */
public record JobStatsResponse(
        @JsonProperty("days") int days,
        @JsonProperty("cutoff_time") String cutoffTime,
        @JsonProperty("total_jobs") long totalJobs,
        @JsonProperty("successful_jobs") long successfulJobs,
        @JsonProperty("failed_jobs") long failedJobs,
        @JsonProperty("external_data_jobs") Counts externalDataJobs,
        @JsonProperty("modeling_jobs") Counts modelingJobs,
        @JsonProperty("breakdown") Map<String, Bucket> breakdown) {

    /** The counts of one kind of job. */
    public record Counts(
            @JsonProperty("total") long total,
            @JsonProperty("running") long running,
            @JsonProperty("successful") long successful,
            @JsonProperty("failed") long failed) {
        static Counts of(KindCounts counts) {
            return new Counts(counts.total(), counts.running(), counts.successful(), counts.failed());
        }
    }

    /** One hour or day. */
    public record Bucket(
            @JsonProperty("successful") long successful,
            @JsonProperty("failed") long failed) {}

    static JobStatsResponse of(JobStats stats) {
        Map<String, Bucket> breakdown = new LinkedHashMap<>();
        stats.breakdown()
                .forEach((key, counts) -> breakdown.put(key, new Bucket(counts.successful(), counts.failed())));
        return new JobStatsResponse(
                stats.days(),
                Timestamps.format(stats.cutoff()),
                stats.totalJobs(),
                stats.successfulJobs(),
                stats.failedJobs(),
                Counts.of(stats.imports()),
                Counts.of(stats.models()),
                breakdown);
    }
}
