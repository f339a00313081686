package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link OrganizationRepository} on Jdbi. */
public final class JdbiOrganizationRepository implements OrganizationRepository {
    private final Jdbi jdbi;
    private final OrganizationDao dao;

    public JdbiOrganizationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(OrganizationDao.class);
    }

    @Override
    public void insert(Organization o) {
        dao.insert(o.id().value(), o.name(), o.createdAt());
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        return dao.find(id.value());
    }

    @Override
    public void saveMembership(Membership m) {
        jdbi.useTransaction(handle -> {
            OrganizationDao tx = handle.attach(OrganizationDao.class);
            String role = m.role().wireName();
            if (tx.updateMembership(m.organizationId().value(), m.userId().value(), role) == 0) {
                tx.insertMembership(m.organizationId().value(), m.userId().value(), role, m.joinedAt());
            }
        });
    }

    @Override
    public Optional<Membership> findMembership(OrganizationId organizationId, UserId userId) {
        return dao.findMembership(organizationId.value(), userId.value());
    }

    @Override
    public List<Organization> findAll() {
        return dao.findAll();
    }

    @Override
    public List<Membership> findMembershipsOfUser(UserId userId) {
        return dao.findMembershipsOfUser(userId.value());
    }
}
