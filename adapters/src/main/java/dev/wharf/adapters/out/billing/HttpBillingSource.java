package dev.wharf.adapters.out.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A billing service over HTTP: {@code GET {baseUrl}/organizations/{id}/billing} with {@code Authorization: Bearer
 * <token>}, answering {@code {"billing_period": {"current_period_start", "current_period_end", "interval"},
 * "usage_summary": {"rows_synced": {"usage", "limit"}}}}. A 404, or an answer without {@code billing_period}, means
 * billing is not available; a timeout, an unreachable service, another status or an unreadable answer throws.
 */
public final class HttpBillingSource implements BillingSource {
    private final URI baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpBillingSource(URI baseUrl, String token, Duration timeout) {
        Require.nonNull(baseUrl, "baseUrl");
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = Require.nonNull(token, "token");
        this.timeout = Require.nonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<Billing> billingFor(OrganizationId organizationId) {
        HttpResponse<String> response = send(organizationId);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE, "billing service answered " + response.statusCode(), null);
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(OrganizationId organizationId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/organizations/" + organizationId.value() + "/billing"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BackendUnavailableException(Reason.TIMEOUT, "billing service timed out", e);
        } catch (IOException e) {
            throw new BackendUnavailableException(Reason.UNREACHABLE, "billing service is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(Reason.UNREACHABLE, "interrupted asking the billing service", e);
        }
    }

    private Optional<Billing> parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBillingException("the billing answer is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBillingException("the billing answer is not a JSON object", null);
        }
        JsonNode period = root.path("billing_period");
        if (period.isMissingNode() || period.isNull()) {
            return Optional.empty();
        }
        JsonNode interval = period.path("interval");
        BillingInterval billingInterval;
        try {
            billingInterval = interval.isMissingNode() || interval.isNull()
                    ? BillingInterval.MONTH
                    : BillingInterval.fromWireName(interval.asText());
        } catch (RuntimeException e) {
            throw new MalformedBillingException("unknown billing interval", e);
        }
        BillingPeriod billingPeriod;
        try {
            billingPeriod = new BillingPeriod(
                    instant(period, "current_period_start"), instant(period, "current_period_end"), billingInterval);
        } catch (IllegalArgumentException e) {
            throw new MalformedBillingException("the billing period is empty", e);
        }
        JsonNode rows = root.path("usage_summary").path("rows_synced");
        long usage = count(rows.path("usage"), "usage").orElse(0);
        return Optional.of(new Billing(billingPeriod, usage, count(rows.path("limit"), "limit")));
    }

    private static Instant instant(JsonNode period, String field) {
        JsonNode value = period.path(field);
        if (!value.isTextual()) {
            throw new MalformedBillingException("billing_period." + field + " is missing", null);
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedBillingException("billing_period." + field + " is not a timestamp", e);
        }
    }

    private static OptionalLong count(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedBillingException("rows_synced." + field + " is not a count", null);
        }
        return OptionalLong.of(value.asLong());
    }

    /** The billing service answered something Wharf cannot read. */
    static final class MalformedBillingException extends IllegalStateException {
        MalformedBillingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
