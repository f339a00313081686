package dev.wharf.application.port.in.activity;

/** The job activity lists of a project: the jobs still running and those that finished. */
public interface ActivityLists {
    /** The project's running jobs, imports and models, newest first. */
    ActivityPage running(ActivityQuery query);

    /** The project's finished jobs with the requested outcome, newest first. */
    ActivityPage completed(ActivityQuery query);
}
