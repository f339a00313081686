package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.util.Set;

/**
 * A new personal API key for the user with {@code email}: its label, its scopes (at least one) and the projects it
 * is limited to (none: every project its user can see).
 */
public record IssueApiKeyCommand(String email, String label, Set<Scope> scopes, Set<ProjectId> projects) {
    public IssueApiKeyCommand {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
    }
}
