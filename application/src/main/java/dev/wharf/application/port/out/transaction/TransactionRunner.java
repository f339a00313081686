package dev.wharf.application.port.out.transaction;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every repository called inside {@code work} takes part in it, and it
 * commits when {@code work} returns or rolls back when it throws. Nested calls join the outer transaction.
 */
public interface TransactionRunner {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the transaction this thread is in commits (never if it rolls back), or at once outside
     * a transaction: for what must not see, or act on, a change before it is committed (waking a worker that reads it).
     */
    void afterCommit(Runnable action);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
