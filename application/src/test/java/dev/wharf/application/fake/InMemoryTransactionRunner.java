package dev.wharf.application.fake;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
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

    /** The actions waiting for this thread's outermost transaction to commit; null outside one. */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (afterCommit.get() != null) {
            return store.inTransaction(work);
        }
        List<Runnable> actions = new ArrayList<>();
        afterCommit.set(actions);
        T result;
        try {
            result = store.inTransaction(work);
        } finally {
            afterCommit.remove();
        }
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }
}
