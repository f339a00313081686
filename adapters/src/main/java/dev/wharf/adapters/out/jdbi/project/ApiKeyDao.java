package dev.wharf.adapters.out.jdbi.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ApiKeyRowMapper.class)
interface ApiKeyDao {
    String COLUMNS = "id, user_id, label, secret_hash, mask, scopes, created_at, revoked_at";

    @SqlUpdate("""
            INSERT INTO personal_api_key (id, user_id, label, secret_hash, mask, scopes, created_at)
            VALUES (:id, :userId, :label, :secretDigest, :mask, :scopes, :createdAt)""")
    void insert(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("label") String label,
            @Bind("secretDigest") String secretDigest,
            @Bind("mask") String mask,
            @Bind("scopes") String scopes,
            @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO personal_api_key_project (api_key_id, project_id) VALUES (:keyId, :projectId)")
    void insertProject(@Bind("keyId") UUID keyId, @Bind("projectId") long projectId);

    @SqlQuery("SELECT " + COLUMNS + " FROM personal_api_key"
            + " WHERE secret_hash = :digest AND NOT plain_sha256 AND revoked_at IS NULL")
    Optional<ApiKeyRow> findByDigest(@Bind("digest") String digest);

    /** A key stored before V9 by its plain SHA-256, not revoked, gets its digest; 1 when it did, 0 otherwise. */
    @SqlUpdate("""
            UPDATE personal_api_key SET secret_hash = :digest, plain_sha256 = FALSE
            WHERE secret_hash = :plainSha256 AND plain_sha256 AND revoked_at IS NULL""")
    int upgrade(@Bind("plainSha256") String plainSha256, @Bind("digest") String digest);

    @SqlQuery("SELECT " + COLUMNS + " FROM personal_api_key WHERE id = :id")
    Optional<ApiKeyRow> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM personal_api_key WHERE user_id = :userId ORDER BY created_at, id")
    List<ApiKeyRow> findByUser(@Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM personal_api_key ORDER BY created_at, id")
    List<ApiKeyRow> findAll();

    /** A key still stored by its plain SHA-256 gets {@code unguessable} in its place. */
    @SqlUpdate("""
            UPDATE personal_api_key
            SET revoked_at = :at,
                secret_hash = CASE WHEN plain_sha256 THEN :unguessable ELSE secret_hash END,
                plain_sha256 = FALSE
            WHERE id = :id AND revoked_at IS NULL""")
    int revoke(@Bind("id") UUID id, @Bind("at") Instant at, @Bind("unguessable") String unguessable);

    @SqlQuery("SELECT project_id FROM personal_api_key_project WHERE api_key_id = :keyId ORDER BY project_id")
    List<Long> projectsOf(@Bind("keyId") UUID keyId);
}
