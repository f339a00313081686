package dev.wharf.application.port.in.dev;

/**
 * Prepares a dev-mode installation: on the first start, the default organization, project 1 and the admin user
 * {@code dev@localhost}; on every start, makes sure the given personal API key exists with every scope.
 */
public interface SetUpDevEnvironmentUseCase {
    DevEnvironment setUp(SetUpDevEnvironmentCommand command);
}
