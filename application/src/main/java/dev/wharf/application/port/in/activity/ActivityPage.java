package dev.wharf.application.port.in.activity;

import dev.wharf.application.paging.Page;
import dev.wharf.application.port.out.activity.JobActivity;

/**
 * One page of job activity, newest first, with what the list was filtered by, so that the links to other pages ask
 * for the same: the cutoff in days, and for the completed list its outcome and kind (both null for the running list,
 * whose links carry neither, as PostHog's do).
 */
public record ActivityPage(Page<JobActivity> page, int cutoffDays, String kind, String outcome) {}
