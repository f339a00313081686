package dev.wharf.adapters.out.jdbi.usage;

import java.util.UUID;

/** A source of the project, whether it is deleted, and its accounted billable rows in a period. */
record SourceSum(UUID sourceId, boolean live, long rowSum) {}
