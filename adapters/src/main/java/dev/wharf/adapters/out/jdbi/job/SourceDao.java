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
    String COLUMNS = "id, project_id, source_type, prefix, created_at, deleted_at";

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
