package dev.wharf.application.port.in.job;

/** One job of a project; a job of another project is not found. */
public interface GetJobUseCase {
    JobView get(JobQuery query);
}
