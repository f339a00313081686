package dev.wharf.adapters.out.jdbi.usage;

import java.util.UUID;

/** The rows of one kind and source (null for models) in a period. */
record RowSum(String kind, UUID sourceId, long rowSum) {}
