package dev.wharf.application.port.out.transaction;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Repositories called inside one {@link TransactionRunner#inTransaction} share its transaction. */
public abstract class TransactionRunnerContract extends FixtureContract {

    @Test
    void workThatThrowsLeavesNothingBehindInAnyRepository() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.givenProject(7);
                    store.givenUser("someone@example.com");
                    assertThat(store.projects().findById(ProjectId.of(7)))
                            .as("visible inside the transaction")
                            .isPresent();
                    throw new IllegalStateException("abort");
                }))
                .hasMessage("abort");

        assertThat(store.projects().findById(ProjectId.of(7))).isEmpty();
        assertThat(store.users().findByEmail("someone@example.com")).isEmpty();
    }

    @Test
    void workThatReturnsIsCommitted() {
        String result = store.transactions().inTransaction(() -> {
            store.givenProject(7);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store.projects().findById(ProjectId.of(7))).isPresent();
    }

    @Test
    void anActionAfterCommitRunsOnceTheOutermostTransactionCommitsAndNeverOnRollback() {
        List<String> seen = new ArrayList<>();
        store.transactions().inTransaction(() -> {
            store.givenProject(7);
            store.transactions().inTransaction(() -> store.transactions().afterCommit(() -> seen.add("nested")));
            store.transactions()
                    .afterCommit(() -> seen.add("committed: "
                            + store.projects().findById(ProjectId.of(7)).isPresent()));
            assertThat(seen).as("nothing before the commit").isEmpty();
        });
        assertThat(seen).containsExactly("nested", "committed: true");

        seen.clear();
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.transactions().afterCommit(() -> seen.add("rolled back"));
                    throw new IllegalStateException("abort");
                }))
                .hasMessage("abort");
        store.transactions().afterCommit(() -> seen.add("outside"));
        assertThat(seen).containsExactly("outside");
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.transactions().inTransaction(() -> store.givenProject(8));
                    throw new IllegalStateException("outer fails after inner returned");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.projects().findById(ProjectId.of(8))).isEmpty();
    }

    @Test
    void aRepositoryThatWritesSeveralRowsRollsBackWhole() {
        User user = store.givenUser("owner@example.com");
        store.givenProject(9);
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(),
                user.id(),
                "limited",
                ApiKeySecret.generate(new SecureRandom()),
                HASHING,
                Set.of(Scope.WAREHOUSE_VIEW_READ),
                Set.of(ProjectId.of(9)),
                PersistenceFixture.T0);

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.apiKeys().insert(key);
                    throw new IllegalStateException("abort");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.apiKeys().findById(key.id())).isEmpty();
        assertThat(store.apiKeys().findByUser(user.id())).isEmpty();
    }
}
