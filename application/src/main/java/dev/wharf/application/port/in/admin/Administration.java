package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.Project;
import java.util.List;

/** What an operator does from the command line: organizations, projects and their people. */
public interface Administration {
    /** An operator creates an organization; it gets a new id. */
    Organization createOrganization(CreateOrganizationCommand command);

    /** An operator creates a project in an organization that exists, under an id that is free. */
    Project createProject(CreateProjectCommand command);

    /**
     * An operator makes a person a member of an organization with a role. The user is created when the e-mail is new;
     * an existing user joins the organization, or gets the new role when already a member.
     */
    UserSummary createUser(CreateUserCommand command);

    /** Every organization, oldest first. */
    List<Organization> listOrganizations();

    /** Projects by id; an unknown organization is an error, not an empty list. */
    List<Project> listProjects(ListProjectsQuery query);

    /** Users by e-mail, each with every membership; an unknown organization is an error, not an empty list. */
    List<UserSummary> listUsers(ListUsersQuery query);
}
