package dev.wharf.application.port.in.job;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.shared.Require;

/** A job and its {@code type}: its source's type for an import, {@value #MODEL_TYPE} for a model. */
public record JobView(Job job, String type) {
    public static final String MODEL_TYPE = "Materialized view";

    public JobView {
        Require.nonNull(job, "job");
    }
}
