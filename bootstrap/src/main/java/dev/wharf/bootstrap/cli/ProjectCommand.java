package dev.wharf.bootstrap.cli;

import dev.wharf.application.port.in.admin.CreateProjectCommand;
import dev.wharf.application.port.in.admin.ListProjectsQuery;
import dev.wharf.bootstrap.wiring.AdminWiring;
import dev.wharf.domain.project.Project;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/** {@code project create --org ID --name N [--id N] [--time-zone Z] <config>} and {@code project list [--org ID]}. */
final class ProjectCommand extends AdminCommand {
    ProjectCommand(PrintStream out, Map<String, String> environment) {
        super(
                "project",
                "Creates or lists projects (project create --org ID --name N [<config>], project list [<config>])",
                out,
                environment);
    }

    @Override
    void configureActions(Subparsers actions) {
        Subparser create = action(actions, "create", "Creates a project in an organization and prints its id");
        create.addArgument("--org").required(true).help("the organization's id");
        create.addArgument("--name").required(true).help("the project's name");
        create.addArgument("--id").help("the project's id, a positive integer (default: the highest id plus one)");
        create.addArgument("--time-zone").dest("timeZone").help("for job statistics (default: UTC)");
        action(actions, "list", "Lists projects, by id").addArgument("--org").help("only this organization's");
    }

    @Override
    void execute(String action, Namespace namespace, AdminWiring admin, PrintStream out) {
        if ("create".equals(action)) {
            Project created = admin.administration()
                    .createProject(new CreateProjectCommand(
                            AdminArguments.organization("--org", namespace.getString("org")),
                            namespace.getString("name"),
                            AdminArguments.project("--id", namespace.getString("id")),
                            AdminArguments.timeZone("--time-zone", namespace.getString("timeZone"))));
            out.println("Created project " + created.id() + " (" + created.name() + ") in organization "
                    + created.organizationId() + ", time zone " + zone(created));
            return;
        }
        Table table = new Table("ID", "ORGANIZATION", "TIME ZONE", "CREATED", "NAME");
        for (Project p : admin.administration()
                .listProjects(
                        new ListProjectsQuery(AdminArguments.organization("--org", namespace.getString("org"))))) {
            table.row(p.id(), p.organizationId(), zone(p), p.createdAt(), p.name());
        }
        table.print(out);
    }

    private static String zone(Project project) {
        return project.timeZone().equals(ZoneOffset.UTC)
                ? "UTC"
                : project.timeZone().getId();
    }
}
