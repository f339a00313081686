package dev.wharf.application.port.in.activity;

import dev.wharf.application.port.out.activity.JobActivity;
import java.util.List;

/**
 * One page of job activity, newest first, with the relative query strings ({@code ?limit=…}) of the next and
 * previous pages, or null when there is none.
 */
public record ActivityPage(List<JobActivity> results, String next, String previous) {
    public ActivityPage {
        results = List.copyOf(results);
    }
}
