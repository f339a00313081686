package dev.wharf.adapters.in.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every API request from before Jersey matches it to its answer, into {@code
 * wharf_http_request_duration_seconds} (a histogram, whose {@code _count} counts the requests) by method, endpoint and
 * status class. The endpoint is the matched resource's path template (for example {@code
 * /api/{scope}/{project_id}/data_warehouse/reset-password/}), never the path a client sent, so ids, names and probes
 * cannot make new label values; a request that matches no resource is {@code unmatched}.
 */
@PreMatching
public final class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";
    static final String UNMATCHED = "unmatched";

    private final Histogram requests;
    private final Map<Method, String> endpoints = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    public RequestMetricsFilter(PrometheusRegistry registry) {
        requests = Histogram.builder()
                .name("wharf_http_request_duration_seconds")
                .help(
                        "API requests, from their arrival in Jersey to their answer, by method, endpoint and status class")
                .unit(Unit.SECONDS)
                .classicOnly()
                .labelNames("method", "endpoint", "status_class")
                .register(registry);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long nanos)) {
            return;
        }
        String method = request.getMethod();
        requests.labelValues(method(method), endpoint(), (response.getStatus() / 100) + "xx")
                .observe((System.nanoTime() - nanos) / 1e9);
    }

    private String endpoint() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return UNMATCHED;
        }
        return endpoints.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
    }

    /** The class's and the method's {@code @Path}, with the optional trailing slash and the regular expressions gone. */
    static String template(Class<?> type, Method method) {
        Path onClass = type.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        String path = (onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : onMethod.value());
        String plain = path.replace("{slash: /?}", "/").replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return plain.replaceAll("//+", "/");
    }

    /** The HTTP methods Jersey serves; anything else (a client may send any token) is "other". */
    private static String method(String method) {
        return switch (method) {
            case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" -> method;
            default -> "other";
        };
    }
}
