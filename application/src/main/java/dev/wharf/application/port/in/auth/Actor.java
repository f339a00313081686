package dev.wharf.application.port.in.auth;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.Require;
import java.util.Set;

/** Who is calling: a user, through one of their personal API keys, with that key's scopes and project limits. */
public record Actor(UserId userId, ApiKeyId apiKeyId, Set<Scope> scopes, Set<ProjectId> projects) {
    public Actor {
        Require.nonNull(userId, "userId");
        Require.nonNull(apiKeyId, "apiKeyId");
        scopes = Set.copyOf(scopes);
        projects = Set.copyOf(projects);
    }

    public static Actor of(ApiKey key) {
        return new Actor(key.userId(), key.id(), key.scopes(), key.projects());
    }

    public boolean holds(Scope required) {
        return scopes.stream().anyMatch(scope -> scope.covers(required));
    }

    public boolean reaches(ProjectId project) {
        return projects.isEmpty() || projects.contains(project);
    }
}
