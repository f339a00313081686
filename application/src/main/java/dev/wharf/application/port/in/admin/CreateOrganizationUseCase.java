package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Organization;

/** An operator creates an organization; it gets a new id. */
public interface CreateOrganizationUseCase {
    Organization createOrganization(CreateOrganizationCommand command);
}
