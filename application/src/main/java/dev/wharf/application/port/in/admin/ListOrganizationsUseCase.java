package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Organization;
import java.util.List;

/** Every organization, oldest first. */
public interface ListOrganizationsUseCase {
    List<Organization> listOrganizations();
}
