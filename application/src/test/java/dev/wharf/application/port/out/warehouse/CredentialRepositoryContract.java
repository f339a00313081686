package dev.wharf.application.port.out.warehouse;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialRepository} does. */
public abstract class CredentialRepositoryContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private Warehouse ready;

    @BeforeEach
    void givenAReadyWarehouse() {
        store.givenProject(1);
        ready = Warehouse.provision(Optional.empty(), PROJECT, new DatabaseName("analytics"), T0)
                .startProvisioning(at(1))
                .markReady(at(2));
        store.warehouses().insert(ready);
    }

    @Test
    void aNewLoginHasNoPasswordSetYet() {
        Credential fresh = Credential.forNewWarehouse(PROJECT, new LoginName("analytics"));
        store.credentials().save(fresh);

        Credential read = store.credentials().findByProject(PROJECT).orElseThrow();
        assertThat(read).isEqualTo(fresh);
        assertThat(read.lastSetAt()).isEmpty();
    }

    @Test
    void savingAgainRecordsWhenAndByWhomThePasswordWasSet() {
        User admin = store.givenUser("admin@example.com");
        Credential fresh = Credential.forNewWarehouse(PROJECT, new LoginName("analytics"));
        store.credentials().save(fresh);

        Credential reset = fresh.passwordSet(ready, admin.id(), at(30));
        store.credentials().save(reset);

        assertThat(store.credentials().findByProject(PROJECT)).contains(reset);
        assertThat(store.credentials().findByProject(PROJECT).orElseThrow().passwordLastSetBy())
                .isEqualTo(admin.id());
    }

    @Test
    void aProjectWithoutACredentialHasNone() {
        assertThat(store.credentials().findByProject(ProjectId.of(99))).isEmpty();
    }

    @Test
    void deletingTheWarehouseDeletesItsCredential() {
        store.credentials().save(Credential.forNewWarehouse(PROJECT, new LoginName("analytics")));

        store.warehouses().deleteByProject(PROJECT);

        assertThat(store.credentials().findByProject(PROJECT)).isEmpty();
    }
}
