package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs work in a Jdbi transaction. Jdbi binds the transaction's handle to the thread, and every repository reaches
 * the database through {@code Jdbi.withHandle} or on-demand SqlObjects, which reuse that handle: so repositories
 * called inside {@link #inTransaction} share the transaction, and a nested call joins the outer one.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;

    public JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> work.get());
    }

    /** On the thread's transaction handle (Jdbi runs it after the commit), or at once without a transaction. */
    @Override
    public void afterCommit(Runnable action) {
        jdbi.useHandle(handle -> {
            if (handle.isInTransaction()) {
                handle.afterCommit(action);
            } else {
                action.run();
            }
        });
    }
}
