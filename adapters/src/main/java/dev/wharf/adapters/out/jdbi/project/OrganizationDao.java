package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(OrganizationRowMapper.class)
@RegisterRowMapper(MembershipRowMapper.class)
interface OrganizationDao {
    @SqlUpdate("INSERT INTO organization (id, name, created_at) VALUES (:id, :name, :createdAt)")
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, name, created_at FROM organization WHERE id = :id")
    Optional<Organization> find(@Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE organization_membership SET role = :role
            WHERE organization_id = :organizationId AND user_id = :userId""")
    int updateMembership(
            @Bind("organizationId") UUID organizationId, @Bind("userId") UUID userId, @Bind("role") String role);

    @SqlUpdate("""
            INSERT INTO organization_membership (organization_id, user_id, role, joined_at)
            VALUES (:organizationId, :userId, :role, :joinedAt)""")
    void insertMembership(
            @Bind("organizationId") UUID organizationId,
            @Bind("userId") UUID userId,
            @Bind("role") String role,
            @Bind("joinedAt") Instant joinedAt);

    @SqlQuery("""
            SELECT organization_id, user_id, role, joined_at FROM organization_membership
            WHERE organization_id = :organizationId AND user_id = :userId""")
    Optional<Membership> findMembership(@Bind("organizationId") UUID organizationId, @Bind("userId") UUID userId);

    @SqlQuery("SELECT id, name, created_at FROM organization ORDER BY created_at, id")
    List<Organization> findAll();

    @SqlQuery("""
            SELECT organization_id, user_id, role, joined_at FROM organization_membership
            WHERE user_id = :userId ORDER BY joined_at, organization_id""")
    List<Membership> findMembershipsOfUser(@Bind("userId") UUID userId);
}
