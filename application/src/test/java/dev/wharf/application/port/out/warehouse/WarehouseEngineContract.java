package dev.wharf.application.port.out.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WarehouseEngine} does, checked through real logins: provision reaches done, a reset password
 * works and the old one is refused, one warehouse's login cannot reach another's database, deprovision removes what
 * provision made, and every step run again after an interruption succeeds.
 */
public abstract class WarehouseEngineContract {
    private static final long DONE_WITHIN_NANOS = 60_000_000_000L;

    /** The engine under test, started and clean for each test. */
    protected abstract WarehouseEngine engine();

    /** Whether {@code user} with {@code password} can log in to {@code database} and run a query. */
    protected abstract boolean canLogIn(DatabaseName database, String user, String password);

    protected final SecureRandomPasswordGenerator passwords = new SecureRandomPasswordGenerator();

    protected static DatabaseName uniqueName(String prefix) {
        return new DatabaseName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Runs {@code step} until the engine says done, as the worker would, for at most a minute. */
    protected static void untilDone(Supplier<EngineProgress> step) {
        long deadline = System.nanoTime() + DONE_WITHIN_NANOS;
        EngineProgress progress = step.get();
        while (!progress.isDone()) {
            assertThat(progress.outcome()).as(progress.message()).isEqualTo(EngineProgress.Outcome.IN_PROGRESS);
            assertThat(System.nanoTime()).as("done within a minute").isLessThan(deadline);
            sleep(50);
            progress = step.get();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The database a user of {@code name}'s warehouse connects to; engines that present another one say which. */
    protected String expectedDatabase(DatabaseName name) {
        return name.value();
    }

    /** The tag of the warehouse the test makes under {@code name}: project 1's, created at a moment of its own. */
    protected static WarehouseTag tag(DatabaseName name) {
        return WarehouseTag.of(
                ProjectId.of(1), Instant.EPOCH.plusSeconds(name.value().hashCode() & 0x7fffffff));
    }

    private String login(DatabaseName database) {
        return engine().loginFor(database).value();
    }

    @Test
    void provisionReachesDoneAndNobodyKnowsThePasswordYet() {
        DatabaseName name = uniqueName("provisioned");

        untilDone(() -> engine().provision(name, tag(name)));

        assertThat(canLogIn(name, login(name), "")).isFalse();
        assertThat(engine().connection(name, tag(name)).database()).isEqualTo(expectedDatabase(name));
        assertThat(engine().connection(name, tag(name)).username()).isEqualTo(login(name));
    }

    @Test
    void aResetPasswordWorksAndTheOldOneIsRefused() {
        DatabaseName name = uniqueName("reset");
        untilDone(() -> engine().provision(name, tag(name)));
        Password first = engine().setPassword(name, tag(name), passwords.generate());
        assertThat(canLogIn(name, login(name), first.reveal())).isTrue();

        Password second = engine().setPassword(name, tag(name), passwords.generate());
        assertThat(canLogIn(name, login(name), second.reveal())).isTrue();
        assertThat(canLogIn(name, login(name), first.reveal()))
                .as("the old password")
                .isFalse();
    }

    @Test
    void aSecondWarehousesLoginCannotReachTheFirstWarehouse() {
        DatabaseName first = uniqueName("first");
        DatabaseName second = uniqueName("second");
        untilDone(() -> engine().provision(first, tag(first)));
        untilDone(() -> engine().provision(second, tag(second)));
        Password secondPassword = engine().setPassword(second, tag(second), passwords.generate());

        assertThat(canLogIn(second, login(second), secondPassword.reveal())).isTrue();
        assertThat(canLogIn(first, login(second), secondPassword.reveal())).isFalse();
    }

    @Test
    void deprovisionRemovesWhatProvisionMade() {
        DatabaseName name = uniqueName("removed");
        untilDone(() -> engine().provision(name, tag(name)));
        Password password = engine().setPassword(name, tag(name), passwords.generate());

        untilDone(() -> engine().deprovision(name, tag(name)));

        assertThat(canLogIn(name, login(name), password.reveal())).isFalse();
        untilDone(() -> engine().provision(name, tag(name)));
        assertThat(canLogIn(name, login(name), password.reveal()))
                .as("a warehouse provisioned again under the name is new")
                .isFalse();
    }

    @Test
    void everyStepRunAgainAfterAnInterruptionSucceeds() {
        DatabaseName name = uniqueName("again");
        untilDone(() -> engine().provision(name, tag(name)));
        untilDone(() -> engine().provision(name, tag(name)));
        Password proposed = passwords.generate();
        engine().setPassword(name, tag(name), proposed);
        Password password = engine().setPassword(name, tag(name), proposed);
        assertThat(canLogIn(name, login(name), password.reveal())).isTrue();

        untilDone(() -> engine().deprovision(name, tag(name)));
        untilDone(() -> engine().deprovision(name, tag(name)));
        untilDone(() -> engine().deprovision(uniqueName("never-made"), tag(uniqueName("never-made"))));
    }
}
