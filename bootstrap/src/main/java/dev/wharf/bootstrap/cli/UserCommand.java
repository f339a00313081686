package dev.wharf.bootstrap.cli;

import dev.wharf.application.port.in.admin.CreateUserCommand;
import dev.wharf.application.port.in.admin.ListUsersQuery;
import dev.wharf.application.port.in.admin.UserSummary;
import dev.wharf.bootstrap.wiring.AdminWiring;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code user create --email E --org ID --role R <config>}: creates the user, or adds an existing one to the
 * organization, or changes their role there. {@code user list [--org ID] <config>}.
 */
final class UserCommand extends AdminCommand {
    UserCommand(PrintStream out, Map<String, String> environment) {
        super(
                "user",
                "Creates users or sets their role (user create --email E --org ID --role R [<config>]), lists them",
                out,
                environment);
    }

    @Override
    void configureActions(Subparsers actions) {
        Subparser create =
                action(actions, "create", "Makes the user (created if new) a member of the organization with the role");
        create.addArgument("--email").required(true).help("the user's e-mail address");
        create.addArgument("--org").required(true).help("the organization's id");
        create.addArgument("--role").required(true).help("member, admin or owner");
        action(actions, "list", "Lists users, by e-mail, with their organizations and roles")
                .addArgument("--org")
                .help("only this organization's members");
    }

    @Override
    void execute(String action, Namespace namespace, AdminWiring admin, PrintStream out) {
        OrganizationId organization = AdminArguments.organization("--org", namespace.getString("org"));
        if ("create".equals(action)) {
            UserSummary user = admin.administration()
                    .createUser(new CreateUserCommand(
                            namespace.getString("email"),
                            organization,
                            AdminArguments.role("--role", namespace.getString("role"))));
            out.println((user.created() ? "Created user " : "Updated user ")
                    + user.user().id() + " (" + user.user().email() + "): " + memberships(user));
            return;
        }
        Table table = new Table("ID", "EMAIL", "ORGANIZATIONS (ROLE)");
        for (UserSummary user : admin.administration().listUsers(new ListUsersQuery(organization))) {
            table.row(user.user().id(), user.user().email(), memberships(user));
        }
        table.print(out);
    }

    private static String memberships(UserSummary user) {
        return user.memberships().isEmpty()
                ? "-"
                : user.memberships().stream().map(UserCommand::membership).collect(Collectors.joining(", "));
    }

    private static String membership(Membership m) {
        return m.organizationId() + " (" + m.role().wireName() + ")";
    }
}
