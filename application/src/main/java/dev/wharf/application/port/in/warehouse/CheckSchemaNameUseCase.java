package dev.wharf.application.port.in.warehouse;

/**
 * Whether a schema name could be chosen for the project's warehouse now: valid, and held by no live warehouse of
 * another project of its organization. Organization admins only, as PostHog does.
 */
public interface CheckSchemaNameUseCase {
    NameAvailability checkSchema(CheckSchemaNameQuery query);
}
