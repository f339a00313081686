package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(UserRowMapper.class)
interface UserDao {
    @SqlUpdate("INSERT INTO app_user (id, email, created_at) VALUES (:id, :email, :createdAt)")
    void insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, email, created_at FROM app_user WHERE id = :id")
    Optional<User> find(@Bind("id") UUID id);

    @SqlQuery("SELECT id, email, created_at FROM app_user WHERE email = :email")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT id, email, created_at FROM app_user ORDER BY email")
    List<User> findAll();
}
