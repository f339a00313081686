package dev.wharf.adapters.out.jdbi.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Moves row changes into the per-period sums, in the caller's transaction. Changes to the same sum are added up
 * first, and sums are written in one order (project, period, source), so that two loaders never wait on each other
 * in a cycle.
 */
final class UsageRollup {
    private static final Comparator<RollupChange> ORDER = Comparator.comparingLong(RollupChange::projectId)
            .thenComparing(RollupChange::periodStart)
            .thenComparing(RollupChange::periodEnd)
            .thenComparing(RollupChange::sourceId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private UsageRollup() {}

    /** Makes the sums that new jobs' periods and sources need, then adds the jobs' rows. */
    static void addNew(Handle handle, List<RollupChange> changes) {
        List<RollupChange> merged = merge(changes);
        if (merged.isEmpty()) {
            return;
        }
        UsageRollupDao dao = handle.attach(UsageRollupDao.class);
        dao.ensurePeriods(distinctPeriods(merged));
        dao.ensureSources(merged.stream().filter(c -> c.sourceId() != null).toList());
        add(dao, merged);
    }

    /** Adds changed rows of jobs that are already stored, whose sums therefore exist. */
    static void addChanged(Handle handle, List<RollupChange> changes) {
        List<RollupChange> merged =
                merge(changes).stream().filter(c -> !c.isNothing()).toList();
        if (!merged.isEmpty()) {
            add(handle.attach(UsageRollupDao.class), merged);
        }
    }

    private static void add(UsageRollupDao dao, List<RollupChange> merged) {
        List<RollupChange> materialized =
                merged.stream().filter(c -> c.materializedRows() != 0).toList();
        if (!materialized.isEmpty()) {
            dao.addMaterialized(materialized);
        }
        List<RollupChange> billable = merged.stream()
                .filter(c -> c.sourceId() != null && c.billableRows() != 0)
                .toList();
        if (!billable.isEmpty()) {
            dao.addBillable(billable);
        }
    }

    private static List<RollupChange> merge(List<RollupChange> changes) {
        Map<Key, RollupChange> byKey = new LinkedHashMap<>();
        for (RollupChange c : changes) {
            byKey.merge(
                    Key.of(c),
                    c,
                    (a, b) -> new RollupChange(
                            a.projectId(),
                            a.periodStart(),
                            a.periodEnd(),
                            a.sourceId(),
                            a.billableRows() + b.billableRows(),
                            a.materializedRows() + b.materializedRows()));
        }
        List<RollupChange> merged = new ArrayList<>(byKey.values());
        merged.sort(ORDER);
        return merged;
    }

    private static List<RollupChange> distinctPeriods(List<RollupChange> merged) {
        Map<Key, RollupChange> periods = new LinkedHashMap<>();
        for (RollupChange c : merged) {
            periods.putIfAbsent(new Key(c.projectId(), c.periodStart(), c.periodEnd(), null), c);
        }
        return new ArrayList<>(periods.values());
    }

    /** One sum: a period's materialized rows when {@code sourceId} is null, else a source's billable rows. */
    private record Key(long projectId, Instant periodStart, Instant periodEnd, UUID sourceId) {
        static Key of(RollupChange c) {
            return new Key(c.projectId(), c.periodStart(), c.periodEnd(), c.sourceId());
        }
    }
}
