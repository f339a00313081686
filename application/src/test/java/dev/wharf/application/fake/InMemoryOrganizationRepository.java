package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.MembershipKey;
import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link OrganizationRepository} over an {@link InMemoryStore}. */
public final class InMemoryOrganizationRepository implements OrganizationRepository {
    /** The JDBI store's {@code ORDER BY created_at, id}. */
    private static final Comparator<Organization> OLDEST_FIRST =
            Comparator.comparing(Organization::createdAt).thenComparing(o -> o.id().value(), InMemoryStore.UUID_ORDER);
    /** The JDBI store's {@code ORDER BY joined_at, organization_id}. */
    private static final Comparator<Membership> JOINED_FIRST = Comparator.comparing(Membership::joinedAt)
            .thenComparing(m -> m.organizationId().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    public InMemoryOrganizationRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(Organization organization) {
        store.change(t -> {
            Tables.requireNew(t.organizations.containsKey(organization.id()), "organization", organization.id());
            t.organizations.put(organization.id(), organization);
        });
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        return store.read(t -> Optional.ofNullable(t.organizations.get(id)));
    }

    /** As the JDBI store: a membership that exists gets the new role and keeps when the user joined. */
    @Override
    public void saveMembership(Membership m) {
        MembershipKey key = new MembershipKey(m.organizationId(), m.userId());
        store.change(t -> {
            Membership stored = t.memberships.get(key);
            if (stored != null) {
                t.memberships.put(key, new Membership(m.organizationId(), m.userId(), m.role(), stored.joinedAt()));
                return;
            }
            t.requireOrganization(m.organizationId());
            t.requireUser(m.userId());
            t.memberships.put(key, m);
        });
    }

    @Override
    public Optional<Membership> findMembership(OrganizationId organizationId, UserId userId) {
        return store.read(t -> Optional.ofNullable(t.memberships.get(new MembershipKey(organizationId, userId))));
    }

    @Override
    public List<Organization> findAll() {
        return store.read(
                t -> t.organizations.values().stream().sorted(OLDEST_FIRST).toList());
    }

    @Override
    public List<Membership> findMembershipsOfUser(UserId userId) {
        return store.read(t -> t.memberships.values().stream()
                .filter(m -> m.userId().equals(userId))
                .sorted(JOINED_FIRST)
                .toList());
    }
}
