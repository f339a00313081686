package dev.wharf.adapters.out.jdbi.usage;

import java.time.Instant;

/** A period with accounted jobs, and the rows of its model jobs. */
record PeriodSum(Instant start, Instant end, long materializedRows) {}
