package dev.wharf.application.port.out.transaction;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every repository called inside {@code work} takes part in it, and it
 * commits when {@code work} returns or rolls back when it throws. Nested calls join the outer transaction.
 */
public interface TransactionRunner {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
