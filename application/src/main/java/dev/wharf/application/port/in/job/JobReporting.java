package dev.wharf.application.port.in.job;

/** The jobs that load a warehouse, as pipeline workers report them. */
public interface JobReporting {
    /** Records a new running job: an import of one schema of a source, or a model refresh. */
    JobView start(StartJobCommand command);

    /** Applies a worker's report to a running job; a finished job refuses every change. */
    JobView report(ReportJobCommand command);

    /** One job of a project; a job of another project is not found. */
    JobView get(JobQuery query);
}
