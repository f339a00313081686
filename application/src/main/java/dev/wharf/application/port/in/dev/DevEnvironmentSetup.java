package dev.wharf.application.port.in.dev;

/** The organization, project, admin and key that dev mode starts with. */
public interface DevEnvironmentSetup {
    /**
     * Prepares a dev-mode installation: on the first start, the default organization, project 1 and the admin user
     * {@code dev@localhost}; on every start, makes sure the given personal API key exists with every scope.
     */
    DevEnvironment setUp(SetUpDevEnvironmentCommand command);
}
