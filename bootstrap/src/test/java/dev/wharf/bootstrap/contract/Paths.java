package dev.wharf.bootstrap.contract;

import dev.wharf.domain.project.ProjectId;

/** Request paths of the warehouse endpoints, and a sleep for polling. */
final class Paths {
    private Paths() {}

    static String of(ProjectId project, String action) {
        return "/api/projects/" + project + "/data_warehouse/" + action;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
