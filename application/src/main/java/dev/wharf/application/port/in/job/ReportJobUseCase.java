package dev.wharf.application.port.in.job;

/** Applies a worker's report to a running job; a finished job refuses every change. */
public interface ReportJobUseCase {
    JobView report(ReportJobCommand command);
}
