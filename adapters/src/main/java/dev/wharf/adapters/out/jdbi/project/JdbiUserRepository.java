package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link UserRepository} on Jdbi. */
public final class JdbiUserRepository implements UserRepository {
    private final UserDao dao;

    public JdbiUserRepository(Jdbi jdbi) {
        this.dao = jdbi.onDemand(UserDao.class);
    }

    @Override
    public void insert(User u) {
        dao.insert(u.id().value(), u.email(), u.createdAt());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return dao.find(id.value());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return email == null ? Optional.empty() : dao.findByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<User> findAll() {
        return dao.findAll();
    }
}
