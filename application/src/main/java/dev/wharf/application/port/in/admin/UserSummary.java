package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.Require;
import java.util.List;

/** A user with their memberships (oldest first); {@code created} says whether this call created the user. */
public record UserSummary(User user, List<Membership> memberships, boolean created) {
    public UserSummary {
        Require.nonNull(user, "user");
        memberships = List.copyOf(memberships);
    }
}
