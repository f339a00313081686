package dev.wharf.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A warehouse's management calls as fast as they go, for the crash test: one thread provisions, waits for ready and
 * deprovisions, again and again (a new name each time); another resets the password whenever it can. Both stop at
 * their first call without an answer, and remember what the server answered: the count of each action's successes
 * and the {@code password_last_set_at} of the last reset answered.
 */
final class ManagementLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectApi api;
    private final long project;
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastReset = new AtomicReference<>();
    private final Thread lifecycle;
    private final Thread resets;
    private volatile boolean running = true;

    ManagementLoad(ProjectApi api, long project) {
        this.api = api;
        this.project = project;
        lifecycle = start(this::cycle, "management-lifecycle");
        resets = start(this::reset, "management-resets");
    }

    /** How many calls of {@code action} were answered with success. */
    int answered(String action) {
        return answered.computeIfAbsent(action, a -> new AtomicInteger()).get();
    }

    /** The {@code password_last_set_at} of the last answered reset, or null. */
    String lastReset() {
        return lastReset.get();
    }

    void stop() throws InterruptedException {
        running = false;
        lifecycle.join(30_000);
        resets.join(30_000);
    }

    private void cycle() {
        for (int round = 0; running; round++) {
            if (send("POST", "/data_warehouse/provision/", "{\"database_name\": \"crash-" + round + "\"}", 202) == null
                    || !await("ready")
                    || send("POST", "/data_warehouse/deprovision/", null, 202) == null
                    || !await("deleted")) {
                return;
            }
        }
    }

    private void reset() {
        while (running) {
            HttpResponse<String> answer = call("POST", "/data_warehouse/reset-password/", null);
            if (answer == null) {
                return;
            }
            if (answer.statusCode() == 200) {
                count("reset-password");
                try {
                    lastReset.set(JSON.readTree(answer.body())
                            .path("password_last_set_at")
                            .asText());
                } catch (java.io.IOException e) {
                    return;
                }
            }
            Pause.millis(20);
        }
    }

    private boolean await(String state) {
        while (running) {
            HttpResponse<String> status = call("GET", "/data_warehouse/warehouse_status/", null);
            if (status == null) {
                return false;
            }
            if (status.body().contains("\"state\":\"" + state + "\"")) {
                return true;
            }
            Pause.millis(20);
        }
        return false;
    }

    private JsonNode send(String method, String path, String body, int expected) {
        HttpResponse<String> answer = call(method, path, body);
        if (answer == null || answer.statusCode() != expected) {
            return null;
        }
        count(path.contains("deprovision") ? "deprovision" : "provision");
        return JSON.createObjectNode();
    }

    private void count(String action) {
        answered.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    }

    /** The answer, or null when none came (the server died). */
    private HttpResponse<String> call(String method, String path, String body) {
        try {
            return api.call(method, project, path, body);
        } catch (AssertionError noAnswer) {
            return null;
        }
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
