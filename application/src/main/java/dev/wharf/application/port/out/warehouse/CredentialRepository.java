package dev.wharf.application.port.out.warehouse;

import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.ProjectId;
import java.util.Optional;

/** Stores the root login of each project's warehouse: its name and when and by whom its password was last set. */
public interface CredentialRepository {
    Optional<Credential> findByProject(ProjectId projectId);

    /** Inserts or replaces the project's credential; the project's warehouse must exist. */
    void save(Credential credential);
}
