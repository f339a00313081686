package dev.wharf.application.port.out.admin;

import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;

/** Stores users; e-mails are unique. */
public interface UserRepository {
    void insert(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(String email);

    /** Every user, by e-mail. */
    List<User> findAll();
}
