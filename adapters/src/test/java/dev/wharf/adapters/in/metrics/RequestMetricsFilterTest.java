package dev.wharf.adapters.in.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.in.rest.PingResource;
import dev.wharf.adapters.in.rest.account.CurrentUserResource;
import dev.wharf.adapters.in.rest.account.ProjectListResource;
import dev.wharf.adapters.in.rest.job.SourceResource;
import dev.wharf.adapters.in.rest.warehouse.WarehouseResource;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The endpoint label: the resource's path template, so a client's ids and names never become label values. */
class RequestMetricsFilterTest {

    private static String template(Class<?> type, String method) {
        Method found = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        return RequestMetricsFilter.template(type, found);
    }

    @Test
    void theTemplateDropsRegularExpressionsAndEndsWithTheSlash() {
        assertThat(template(WarehouseResource.class, "resetPassword"))
                .isEqualTo("/api/{scope}/{project_id}/data_warehouse/reset-password/");
        assertThat(template(PingResource.class, "ping")).isEqualTo("/api/ping/");
        assertThat(template(SourceResource.class, "delete"))
                .isEqualTo("/api/{scope}/{project_id}/external_data_sources/{source_id}/");
    }

    @Test
    void theAccountEndpointsAreOneLabelEachWithMeWrittenOut() {
        assertThat(template(ProjectListResource.class, "list")).isEqualTo("/api/projects/");
        assertThat(template(CurrentUserResource.class, "me")).isEqualTo("/api/users/@me/");
    }

    @Test
    void everyResourceMethodOfTheWarehouseGivesItsOwnEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        for (Method method : WarehouseResource.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                endpoints.add(RequestMetricsFilter.template(WarehouseResource.class, method));
            }
        }
        assertThat(endpoints)
                .hasSize(6)
                .allSatisfy(e -> assertThat(e).doesNotContain(":").endsWith("/"));
    }
}
