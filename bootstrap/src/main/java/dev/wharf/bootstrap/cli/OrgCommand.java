package dev.wharf.bootstrap.cli;

import dev.wharf.application.port.in.admin.CreateOrganizationCommand;
import dev.wharf.bootstrap.wiring.AdminWiring;
import dev.wharf.domain.project.Organization;
import java.io.PrintStream;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparsers;

/** {@code org create --name N <config>} and {@code org list <config>}. */
final class OrgCommand extends AdminCommand {
    OrgCommand(PrintStream out, Map<String, String> environment) {
        super(
                "org",
                "Creates or lists organizations (org create --name N [<config>], org list [<config>])",
                out,
                environment);
    }

    @Override
    void configureActions(Subparsers actions) {
        action(actions, "create", "Creates an organization and prints its id")
                .addArgument("--name")
                .required(true)
                .help("the organization's name");
        action(actions, "list", "Lists every organization");
    }

    @Override
    void execute(String action, Namespace namespace, AdminWiring admin, PrintStream out) {
        if ("create".equals(action)) {
            Organization created = admin.administration()
                    .createOrganization(new CreateOrganizationCommand(namespace.getString("name")));
            out.println("Created organization " + created.id() + " (" + created.name() + ")");
            return;
        }
        Table table = new Table("ID", "CREATED", "NAME");
        for (Organization o : admin.administration().listOrganizations()) {
            table.row(o.id(), o.createdAt(), o.name());
        }
        table.print(out);
    }
}
