package dev.wharf.application.fake;

import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.ProjectId;
import java.util.Optional;

/**
 * {@link CredentialRepository} over an {@link InMemoryStore}. A credential needs its project's warehouse, and goes
 * when the warehouse is deleted ({@link InMemoryWarehouseRepository#deleteByProject}).
 */
public final class InMemoryCredentialRepository implements CredentialRepository {
    private final InMemoryStore store;

    public InMemoryCredentialRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Credential> findByProject(ProjectId projectId) {
        return store.read(t -> Optional.ofNullable(t.credentials.get(projectId)));
    }

    @Override
    public void save(Credential credential) {
        store.change(t -> {
            if (credential.passwordLastSetBy() != null) {
                t.requireUser(credential.passwordLastSetBy());
            }
            if (!t.credentials.containsKey(credential.projectId())) {
                t.requireWarehouse(credential.projectId());
            }
            t.credentials.put(credential.projectId(), credential);
        });
    }
}
