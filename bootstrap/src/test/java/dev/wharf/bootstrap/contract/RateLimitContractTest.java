package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.InProcessWharf.Principals;
import dev.wharf.domain.project.ProjectId;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The per-project rate limit of provision, deprovision and reset-password (30 a minute, the default, in process): its
 * headers on every counted answer, the 429, and what does not count.
 */
class RateLimitContractTest extends ContractTest {
    static final int LIMIT = 30;
    static final String THROTTLED = "{\"error\":\"Request was throttled.\"}";
    static final String USES_UP =
            "uses up a project's budget, so it needs a project of its own: " + ContractTarget.ONLY_IN_PROCESS;

    static OptionalLong header(Answer answer, String name) {
        HttpHeaders headers = answer.response().headers();
        return headers.firstValue(name)
                .map(v -> OptionalLong.of(Long.parseLong(v)))
                .orElse(OptionalLong.empty());
    }

    static long remaining(Answer answer) {
        return header(answer, "X-RateLimit-Remaining").orElseThrow();
    }

    static void assertNoLimitHeaders(Answer answer) {
        assertThat(answer.response().headers().map().keySet())
                .as("an answer given before the call is counted")
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit"));
    }

    @Test
    void aSuccessAndARefusalOfTheActionBothCarryTheLimit() {
        ProjectId project = target.scratchProject();
        long before = Instant.now().getEpochSecond();

        Answer accepted = provision(project, target.databaseName("limited", project));
        Answer conflict = provision(project, target.databaseName("again", project));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(header(accepted, "X-RateLimit-Limit")).isPresent();
        assertThat(header(accepted, "X-RateLimit-Reset").orElseThrow()).isBetween(before + 1, before + 61);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(remaining(conflict))
                .isLessThan(header(conflict, "X-RateLimit-Limit").orElseThrow());
        if (target.isInProcess()) {
            assertThat(header(accepted, "X-RateLimit-Limit")).hasValue(LIMIT);
            assertThat(remaining(accepted)).isEqualTo(LIMIT - 1);
            assertThat(remaining(conflict)).isEqualTo(LIMIT - 2);
        }
        assertNoLimitHeaders(api.get(path(project, "warehouse_status"), admin));
    }

    @Test
    void overTheLimitTheThreeActionsOfAProjectAre429UntilTheNextMinute() {
        target.inProcess(USES_UP);
        List<Answer> answers = usingOneWindow(project -> {
            List<Answer> sent = new ArrayList<>();
            String[] actions = {"reset-password", "deprovision/", "provision"};
            for (int i = 0; i < LIMIT; i++) {
                String action = actions[i % 3];
                String base = i % 2 == 0 ? "/api/projects/" : "/api/environments/";
                sent.add(
                        api.postJson(base + project + "/data_warehouse/" + action, admin, "{\"database_name\":\"x\"}"));
            }
            sent.add(api.post(path(project, "reset-password/"), admin, null, null));
            sent.add(api.postJson(path(project, "provision/"), admin, "{\"database_name\":\"fine-name\"}"));
            sent.add(api.post("/api/environments/" + project + "/data_warehouse/deprovision", admin, null, null));
            return sent;
        });

        for (int i = 0; i < LIMIT; i++) {
            assertThat(answers.get(i).status()).as("call %d", i).isIn(202, 400, 404);
            assertThat(remaining(answers.get(i))).isEqualTo(LIMIT - 1 - i);
        }
        for (Answer throttled : answers.subList(LIMIT, answers.size())) {
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.text()).isEqualTo(THROTTLED);
            assertThat(remaining(throttled)).isZero();
            long retryAfter = header(throttled, "Retry-After").orElseThrow();
            long reset = header(throttled, "X-RateLimit-Reset").orElseThrow();
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(reset - Instant.now().getEpochSecond()).isBetween(retryAfter - 2, retryAfter);
        }
        assertThat(remaining(provision(target.newProject(), "x")))
                .as("another project")
                .isEqualTo(LIMIT - 1);
    }

    @Test
    void refusalsBeforeTheCountCarryNoHeadersAndCostTheProjectNothing() {
        Principals callers = target.inProcess().principals();
        ProjectId project = target.newProject();
        List<Answer> refused = new ArrayList<>();
        for (int i = 0; i < LIMIT + 5; i++) {
            refused.add(api.post(path(project, "reset-password"), callers.member(), null, null));
        }
        refused.add(api.post(path(project, "deprovision"), callers.readOnly(), null, null));
        refused.add(api.post(path(project, "deprovision"), callers.outsider(), null, null));
        refused.add(api.post(path(project, "deprovision"), null, null, null));
        refused.add(api.postJson(path(project, "provision"), admin, "{\"database_name\":"));

        assertThat(refused).extracting(Answer::status).containsOnly(403, 404, 401, 400);
        refused.forEach(RateLimitContractTest::assertNoLimitHeaders);
        assertThat(remaining(api.post(path(project, "deprovision"), admin, null, null)))
                .isEqualTo(LIMIT - 1);
    }

    /**
     * Runs {@code calls} on a new project, again on another if a minute began while they ran (the answers' windows,
     * {@code X-RateLimit-Reset}, differ), so the counts the test expects all fall in one window.
     */
    /**
     * Makes {@code calls} on a new project, again on another (at most three times) when their answers straddle a
     * window boundary, so that they all count in one window.
     */
    static List<Answer> usingOneWindow(Function<ProjectId, List<Answer>> calls) {
        List<Answer> answers = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            answers = calls.apply(target.newProject());
            if (answers.stream()
                            .map(a -> header(a, "X-RateLimit-Reset"))
                            .distinct()
                            .count()
                    == 1) {
                return answers;
            }
        }
        return answers;
    }
}
