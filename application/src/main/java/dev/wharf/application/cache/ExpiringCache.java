package dev.wharf.application.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Remembers what was found for a key for a short while; what was not found is asked again every time, so a new key,
 * project or membership works at once while a removed one keeps working at most {@code ttl} longer. Bounded: past
 * {@code maxEntries} it starts over empty. A zero {@code ttl} remembers nothing.
 */
public final class ExpiringCache<K, V> {
    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        if (ttl.isZero()) {
            return load.get();
        }
        Instant now = clock.instant();
        Entry<V> cached = entries.get(key);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return Optional.of(cached.value());
        }
        Optional<V> found = load.get();
        if (found.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(found.get(), now.plus(ttl)));
        } else {
            entries.remove(key);
        }
        return found;
    }

    private record Entry<V>(V value, Instant expiresAt) {}
}
