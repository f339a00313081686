package dev.wharf.application.port.in.admin;

/**
 * An operator makes a person a member of an organization with a role. The user is created when the e-mail is new;
 * an existing user joins the organization, or gets the new role when already a member.
 */
public interface CreateUserUseCase {
    UserSummary createUser(CreateUserCommand command);
}
