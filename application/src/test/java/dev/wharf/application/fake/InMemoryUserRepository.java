package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link UserRepository} over an {@link InMemoryStore}; {@link User} keeps its e-mail lower-cased. */
public final class InMemoryUserRepository implements UserRepository {
    private final InMemoryStore store;

    public InMemoryUserRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(User user) {
        store.change(t -> {
            Tables.requireNew(t.users.containsKey(user.id()), "user", user.id());
            Tables.requireNew(
                    t.users.values().stream().anyMatch(u -> u.email().equals(user.email())),
                    "user with e-mail",
                    user.email());
            t.users.put(user.id(), user);
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return store.read(t -> Optional.ofNullable(t.users.get(id)));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return store.read(t ->
                t.users.values().stream().filter(u -> u.email().equals(wanted)).findFirst());
    }

    /** By e-mail, compared as {@link String}s: the contract uses addresses every collation orders alike. */
    @Override
    public List<User> findAll() {
        return store.read(t -> t.users.values().stream()
                .sorted(Comparator.comparing(User::email))
                .toList());
    }
}
