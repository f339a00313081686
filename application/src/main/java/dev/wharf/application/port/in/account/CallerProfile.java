package dev.wharf.application.port.in.account;

import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.Require;
import java.util.List;

/**
 * The caller: its user; the organizations the key lets it act in, each with the user's role, in the order the user
 * joined them; and the key it called with, without its secret or the digest of it.
 */
public record CallerProfile(User user, List<MemberOrganization> organizations, ApiKeySummary key) {
    public CallerProfile {
        Require.nonNull(user, "user");
        Require.nonNull(key, "key");
        organizations = List.copyOf(organizations);
    }
}
