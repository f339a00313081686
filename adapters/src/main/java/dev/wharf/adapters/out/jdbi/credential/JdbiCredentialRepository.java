package dev.wharf.adapters.out.jdbi.credential;

import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.ProjectId;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link CredentialRepository} on Jdbi. */
public final class JdbiCredentialRepository implements CredentialRepository {
    private final Jdbi jdbi;

    public JdbiCredentialRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Credential> findByProject(ProjectId projectId) {
        return jdbi.withExtension(CredentialDao.class, dao -> dao.find(projectId.value()));
    }

    @Override
    public void save(Credential c) {
        UUID setBy =
                c.passwordLastSetBy() == null ? null : c.passwordLastSetBy().value();
        long project = c.projectId().value();
        jdbi.useTransaction(handle -> {
            CredentialDao dao = handle.attach(CredentialDao.class);
            if (dao.update(project, c.username().value(), c.passwordLastSetAt(), setBy) == 0) {
                dao.insert(project, c.username().value(), c.passwordLastSetAt(), setBy);
            }
        });
    }
}
