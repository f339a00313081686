package dev.wharf.application.port.in.admin;

import java.util.List;

/** Users by e-mail, each with every membership; an unknown organization is an error, not an empty list. */
public interface ListUsersUseCase {
    List<UserSummary> listUsers(ListUsersQuery query);
}
