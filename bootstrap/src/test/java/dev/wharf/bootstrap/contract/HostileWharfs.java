package dev.wharf.bootstrap.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.DocumentedOperations.Op;
import dev.wharf.domain.project.ProjectId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * The Wharfs the hostile-input properties talk to: one in process on H2 metadata and one on PostgreSQL (when a server
 * is reachable; without one, the H2 Wharf alone), each with a project, a source and fresh jobs to aim requests at, so
 * that a bad value meets the code behind an existing resource and not just a 404.
 */
final class HostileWharfs implements Store.CloseOnReset {
    private final List<Wharf> wharfs = new ArrayList<>();

    /** One Wharf and what the requests aim at: a project of its own and an import source in it. */
    record Wharf(String name, ContractTarget target, RawHttp raw, ProjectId project, String source) {
        /** A new running import, so that a report meets a job that can still change. */
        String job() {
            return created(target.api()
                    .postJson(
                            Paths.of(project, "jobs/"),
                            target.adminKey(),
                            "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"charges\"}"));
        }

        /** A new source, so that a request that deletes one never deletes the one jobs are started on. */
        String newSource() {
            return created(target.api()
                    .postJson(
                            "/api/projects/" + project + "/external_data_sources/",
                            target.adminKey(),
                            "{\"source_type\": \"Stripe\"}"));
        }

        /**
         * A new webhook subscription, so that a request that deletes one never leaves the next without one; when the
         * project holds its 20, they are deleted first.
         */
        String webhook() {
            String webhooks = Paths.of(project, "webhooks/");
            Answer answer = target.api().postJson(webhooks, target.adminKey(), ValidBodies.WEBHOOK);
            if (answer.status() == 409) {
                for (JsonNode row : target.api()
                        .get(webhooks + "?limit=50", target.adminKey())
                        .json()
                        .get("results")) {
                    target.api().send("DELETE", webhooks + row.get("id").asText() + "/", target.adminKey(), null, null);
                }
                answer = target.api().postJson(webhooks, target.adminKey(), ValidBodies.WEBHOOK);
            }
            return created(answer);
        }

        /** The admin key's {@code Authorization} line and, unless empty, {@code Content-Type}: for {@link RawHttp}. */
        List<byte[]> rawHeaders(String contentType) {
            List<byte[]> headers = new ArrayList<>();
            headers.add(RawHttp.line("Authorization", "Bearer " + target.adminKey()));
            if (!contentType.isEmpty()) {
                headers.add(RawHttp.line("Content-Type", contentType));
            }
            return headers;
        }

        /** The documented path with every parameter valid except those given (already encoded). */
        String path(Op op, Map<String, String> encoded) {
            String path = op.path();
            for (String parameter : op.pathParameters()) {
                String value = encoded.get(parameter);
                if (value == null) {
                    value = switch (parameter) {
                        case "project_id" -> project.toString();
                        case "source_id" -> newSource();
                        case "job_id" -> job();
                        case "webhook_id" -> webhook();
                        case "folder" -> "pages"; // the console's /console/{folder}/{name}
                        case "name" -> op.pathParameters().contains("folder") ? "jobs.js" : "app.js";
                        default -> throw new IllegalStateException("no valid value for " + parameter);
                    };
                }
                path = path.replace("{" + parameter + "}", value);
            }
            return path;
        }
    }

    /** The Wharfs of this test run, started by the first property class that asks and stopped when jqwik is done. */
    private static String created(Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("could not arrange a resource: " + answer.status() + " " + answer.text());
        }
        return answer.json().get("id").asText();
    }

    static HostileWharfs shared() {
        return Store.getOrCreate(HostileWharfs.class, Lifespan.RUN, HostileWharfs::start)
                .get();
    }

    private static HostileWharfs start() {
        HostileWharfs started = new HostileWharfs();
        started.add("h2");
        try {
            started.add("postgres");
        } catch (TestAbortedException noServer) {
            // Without a PostgreSQL server (and not under CI=true, which fails instead) H2 is tested alone, and says so.
            System.err.println("HostileWharfs: testing on H2 metadata only: " + noServer.getMessage());
        }
        return started;
    }

    private void add(String metadata) {
        ContractTarget target = ContractTarget.startInProcess(metadata);
        try {
            ProjectId project = target.inProcess().project();
            Answer source = target.api()
                    .postJson(
                            "/api/projects/" + project + "/external_data_sources/",
                            target.adminKey(),
                            "{\"source_type\": \"Stripe\"}");
            wharfs.add(new Wharf(
                    metadata,
                    target,
                    new RawHttp(target.baseUrl()),
                    project,
                    source.json().get("id").asText()));
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
    }

    List<Wharf> all() {
        return wharfs;
    }

    /**
     * Stops every Wharf. Stopping one resets logging to Dropwizard's defaults (INFO), so the root goes back to WARN
     * after each, or the next one's shutdown fills the build output.
     */
    @Override
    public void close() {
        for (Wharf wharf : wharfs) {
            wharf.target().close();
            if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
                root.setLevel(Level.WARN);
            }
        }
    }

    /** A value as one path segment or query value: UTF-8, percent-encoded, a space as {@code %20}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
