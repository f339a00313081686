package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import java.util.Collection;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The per-project counter of V8: moved by every change that can change a project's rows in a period, in the
 * change's transaction, and read by {@link JdbiUsageQueries} before it trusts an answer it made earlier. Counters are
 * moved last in a transaction and in project order, after the row locks of jobs and sums, so that two writers never
 * wait on each other in a cycle.
 */
public final class UsageVersion {
    private static final String READ = "SELECT version FROM usage_version WHERE project_id = :projectId";
    private static final String MOVE = "UPDATE usage_version SET version = version + 1 WHERE project_id = :projectId";
    private static final String CREATE =
            "INSERT INTO usage_version (project_id, version) VALUES (:projectId, 1) ON CONFLICT DO NOTHING";

    private static final String READ_NAME = WharfJdbi.statementName(UsageVersion.class, "read");
    private static final String MOVE_NAME = WharfJdbi.statementName(UsageVersion.class, "move");
    private static final String CREATE_NAME = WharfJdbi.statementName(UsageVersion.class, "create");

    private UsageVersion() {}

    /**
     * Moves the counter of each project once, in the caller's transaction.
     *
     * @throws IllegalStateException when a counter could not be moved (then the caller's change must not commit: a
     *     kept answer would outlive it)
     */
    public static void move(Handle handle, Collection<Long> projects) {
        for (long project : new TreeSet<>(projects)) {
            if (update(handle, MOVE, MOVE_NAME, project) == 0
                    && update(handle, CREATE, CREATE_NAME, project) == 0
                    && update(handle, MOVE, MOVE_NAME, project) == 0) { // created meanwhile by another transaction
                throw new IllegalStateException("the usage version of project " + project + " could not be moved");
            }
        }
    }

    /** The project's counter: 0 until its rows first change. */
    static long read(Handle handle, long project) {
        return handle.createQuery(READ)
                .define(WharfJdbi.STATEMENT_NAME, READ_NAME)
                .bind("projectId", project)
                .map((rs, ctx) -> rs.getLong(1))
                .findOne()
                .orElse(0L);
    }

    private static int update(Handle handle, String sql, String name, long project) {
        return handle.createUpdate(sql)
                .define(WharfJdbi.STATEMENT_NAME, name)
                .bind("projectId", project)
                .execute();
    }
}
