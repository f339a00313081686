package dev.wharf.bootstrap.cli;

import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.admin.IssueApiKeyCommand;
import dev.wharf.application.port.in.admin.IssuedApiKey;
import dev.wharf.application.port.in.admin.ListApiKeysQuery;
import dev.wharf.application.port.in.admin.RevokeApiKeyCommand;
import dev.wharf.bootstrap.wiring.AdminWiring;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code key create --email E --label L --scopes S,… [--projects 1,2] <config>} prints the new key once, on a line of
 * its own ({@code API key: phx_…}); Wharf keeps only its keyed digest. {@code key list [--email E] <config>} and
 * {@code key revoke --id ID <config>} never print a secret or its digest.
 */
final class KeyCommand extends AdminCommand {
    KeyCommand(PrintStream out, Map<String, String> environment) {
        super(
                "key",
                "Creates, lists or revokes personal API keys (key create|list|revoke … [<config>])",
                out,
                environment);
    }

    @Override
    void configureActions(Subparsers actions) {
        Subparser create = action(actions, "create", "Issues a personal API key and prints it, this once only");
        create.addArgument("--email").required(true).help("the e-mail of the user the key acts as");
        create.addArgument("--label").required(true).help("what the key is for, e.g. ci");
        create.addArgument("--scopes")
                .required(true)
                .help("comma-separated: warehouse_view:read, warehouse_view:write, warehouse_jobs:write, *");
        create.addArgument("--projects").help("comma-separated project ids the key is limited to (default: all)");
        action(actions, "list", "Lists keys, revoked ones included, without their secrets")
                .addArgument("--email")
                .help("only this user's keys");
        action(actions, "revoke", "Revokes a key: it stops working at once")
                .addArgument("--id")
                .required(true)
                .help("the key's id, as key list shows it");
    }

    @Override
    void execute(String action, Namespace namespace, AdminWiring admin, PrintStream out) {
        switch (action) {
            case "create" -> create(namespace, admin, out);
            case "revoke" -> {
                ApiKeySummary key = admin.apiKeys()
                        .revokeApiKey(
                                new RevokeApiKeyCommand(AdminArguments.apiKey("--id", namespace.getString("id"))));
                out.println("Revoked API key " + key.id() + " (" + key.mask() + ", " + key.label() + ") of "
                        + key.email() + " at " + key.revokedAt());
            }
            default -> list(namespace, admin, out);
        }
    }

    private static void create(Namespace namespace, AdminWiring admin, PrintStream out) {
        IssuedApiKey issued = admin.issueApiKey()
                .issueApiKey(new IssueApiKeyCommand(
                        namespace.getString("email"),
                        namespace.getString("label"),
                        AdminArguments.scopes("--scopes", namespace.getString("scopes")),
                        AdminArguments.projects("--projects", namespace.getString("projects"))));
        ApiKeySummary key = issued.key();
        out.println("Created API key " + key.id() + " (" + key.label() + ") for " + key.email() + ", scopes "
                + scopes(key) + ", projects " + projects(key));
        out.println("API key: " + issued.secret().reveal());
        out.println("Keep it now: Wharf stores only a keyed hash of it and cannot show it again.");
    }

    private static void list(Namespace namespace, AdminWiring admin, PrintStream out) {
        Table table = new Table("ID", "EMAIL", "KEY", "SCOPES", "PROJECTS", "CREATED", "REVOKED", "LABEL");
        for (ApiKeySummary key : admin.apiKeys().listApiKeys(new ListApiKeysQuery(namespace.getString("email")))) {
            table.row(
                    key.id(),
                    key.email(),
                    key.mask(),
                    scopes(key),
                    projects(key),
                    key.createdAt(),
                    key.revokedAt(),
                    key.label());
        }
        table.print(out);
    }

    private static String scopes(ApiKeySummary key) {
        return key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
    }

    private static String projects(ApiKeySummary key) {
        return key.projects().isEmpty()
                ? "all"
                : key.projects().stream()
                        .map(ProjectId::value)
                        .sorted()
                        .map(String::valueOf)
                        .collect(Collectors.joining(","));
    }
}
