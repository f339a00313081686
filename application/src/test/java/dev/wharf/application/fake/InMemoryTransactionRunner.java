package dev.wharf.application.fake;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import java.util.function.Supplier;

/**
 * {@link TransactionRunner} over an {@link InMemoryStore}: the work holds the store's lock until it ends, so other
 * threads wait for it, and its writes are undone when it throws. A nested call joins the outer transaction.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private final InMemoryStore store;

    public InMemoryTransactionRunner(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return store.inTransaction(work);
    }
}
