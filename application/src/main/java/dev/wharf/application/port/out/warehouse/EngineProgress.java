package dev.wharf.application.port.out.warehouse;

/**
 * How far an engine got with a provision or deprovision: done, still working (ask again later), or failed for good.
 */
public record EngineProgress(Outcome outcome, String message) {
    /** Where the operation stands. */
    public enum Outcome {
        DONE,
        IN_PROGRESS,
        FAILED
    }

    public static EngineProgress done() {
        return new EngineProgress(Outcome.DONE, "");
    }

    public static EngineProgress inProgress(String message) {
        return new EngineProgress(Outcome.IN_PROGRESS, message);
    }

    public static EngineProgress failed(String message) {
        return new EngineProgress(Outcome.FAILED, message);
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
