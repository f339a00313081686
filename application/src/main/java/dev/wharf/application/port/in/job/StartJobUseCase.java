package dev.wharf.application.port.in.job;

/** Records a new running job: an import of one schema of a source, or a model refresh. */
public interface StartJobUseCase {
    JobView start(StartJobCommand command);
}
