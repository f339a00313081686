package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.domain.job.Source;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(SourceRowMapper.class)
interface SourceDao {
    String COLUMNS = "id, project_id, source_type, prefix, created_at, deleted_at, freshness_seconds, last_synced_at,"
            + " freshness_missed";

    @SqlUpdate("""
            INSERT INTO external_data_source (id, project_id, source_type, prefix, created_at, deleted_at)
            VALUES (:id, :projectId, :sourceType, :prefix, :createdAt, :deletedAt)""")
    void insert(
            @Bind("id") UUID id,
            @Bind("projectId") long projectId,
            @Bind("sourceType") String sourceType,
            @Bind("prefix") String prefix,
            @Bind("createdAt") Instant createdAt,
            @Bind("deletedAt") Instant deletedAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM external_data_source WHERE project_id = :projectId AND id = :id")
    Optional<Source> find(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM external_data_source WHERE project_id = :projectId AND id = :id FOR UPDATE")
    Optional<Source> findForUpdate(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE external_data_source SET freshness_seconds = :seconds, last_synced_at = :lastSynced,
            freshness_due_at = :dueAt, freshness_missed = :missed WHERE project_id = :projectId AND id = :id""")
    int saveFreshness(
            @Bind("projectId") long projectId,
            @Bind("id") UUID id,
            @Bind("seconds") Long seconds,
            @Bind("lastSynced") Instant lastSynced,
            @Bind("dueAt") Instant dueAt,
            @Bind("missed") boolean missed);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM external_data_source WHERE deleted_at IS NULL AND freshness_due_at IS NOT NULL
            AND ((freshness_missed = FALSE AND freshness_due_at <= :now)
                OR (freshness_missed = TRUE AND freshness_due_at > :now))
            ORDER BY freshness_due_at, id LIMIT :limit""")
    List<Source> freshnessToTell(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE external_data_source SET freshness_missed = :missed
            WHERE id = :id AND freshness_missed = :before""")
    int markFreshnessTold(@Bind("id") UUID id, @Bind("missed") boolean missed, @Bind("before") boolean before);

    @SqlUpdate("""
            UPDATE external_data_source SET source_type = :sourceType, prefix = :prefix, deleted_at = :deletedAt
            WHERE project_id = :projectId AND id = :id""")
    int update(
            @Bind("projectId") long projectId,
            @Bind("id") UUID id,
            @Bind("sourceType") String sourceType,
            @Bind("prefix") String prefix,
            @Bind("deletedAt") Instant deletedAt);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM external_data_source WHERE project_id = :projectId AND deleted_at IS NULL
            ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<Source> listActive(@Bind("projectId") long projectId, @Bind("limit") int limit, @Bind("offset") int offset);
}
