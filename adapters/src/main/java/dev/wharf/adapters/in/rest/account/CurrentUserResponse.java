package dev.wharf.adapters.in.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.account.CallerProfile;
import dev.wharf.application.port.in.account.MemberOrganization;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.util.List;

/**
 * {@code GET /api/users/@me/}: PostHog's field names where Wharf has the value ({@code id} and {@code uuid} are both
 * the user's UUID, Wharf's only id of a user; {@code first_name} is empty, as Wharf stores no name), and Wharf's own
 * {@code personal_api_key}: the key in use, never its secret or the digest of it.
 */
public record CurrentUserResponse(
        @JsonProperty("id") String id,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("email") String email,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("organizations") List<Organization> organizations,
        @JsonProperty("personal_api_key") Key personalApiKey) {

    /** An organization the user is a member of, with the membership level as PostHog numbers it. */
    public record Organization(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("membership_level") int membershipLevel) {
        static Organization of(MemberOrganization membership) {
            return new Organization(
                    membership.organization().id().toString(),
                    membership.organization().name(),
                    MembershipLevels.of(membership.role()));
        }
    }

    /** The key in use: {@code projects} is null for a key that may touch every project of its user. */
    public record Key(
            @JsonProperty("id") String id,
            @JsonProperty("label") String label,
            @JsonProperty("mask_value") String maskValue,
            @JsonProperty("scopes") List<String> scopes,
            @JsonProperty("projects") List<Long> projects,
            @JsonProperty("created_at") String createdAt) {
        static Key of(ApiKeySummary key) {
            return new Key(
                    key.id().toString(),
                    key.label(),
                    key.mask(),
                    key.scopes().stream().map(Scope::wireName).sorted().toList(),
                    key.projects().isEmpty()
                            ? null
                            : key.projects().stream()
                                    .map(ProjectId::value)
                                    .sorted()
                                    .toList(),
                    Timestamps.format(key.createdAt()));
        }
    }

    static CurrentUserResponse of(CallerProfile caller) {
        String id = caller.user().id().toString();
        return new CurrentUserResponse(
                id,
                id,
                caller.user().email(),
                "",
                caller.organizations().stream().map(Organization::of).toList(),
                Key.of(caller.key()));
    }
}
