package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.out.billing.HttpBillingSource;
import dev.wharf.adapters.out.billing.LocalBillingSource;
import dev.wharf.adapters.out.billing.NoBillingSource;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.domain.usage.BillingInterval;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Where billing periods and tracked rows come from: {@code none} (billing never available), {@code local} (periods
 * laid out from {@code anchor} every {@code interval}; nothing tracked; the anchor defaults to 1 January of the
 * current year, 00:00 UTC, at start-up) or {@code http} (a billing service at {@code url}, asked with {@code token},
 * giving up after {@code timeout}).
 */
public class BillingConfiguration {
    @NotNull
    @Pattern(regexp = "none|local|http", message = "must be none, local or http")
    private String type = "none";

    private String anchor = "";

    @NotNull
    @Pattern(regexp = "month|year", message = "must be month or year")
    private String interval = "month";

    @Min(0)
    private Long rowLimit;

    private String url = "";

    private String token = "";

    @NotNull
    private Duration timeout = Duration.seconds(5);

    public BillingSource build(Clock clock) {
        return switch (type) {
            case "local" ->
                new LocalBillingSource(
                        anchor(clock),
                        BillingInterval.fromWireName(interval),
                        rowLimit == null ? OptionalLong.empty() : OptionalLong.of(rowLimit),
                        clock);
            case "http" -> http();
            default -> new NoBillingSource();
        };
    }

    private HttpBillingSource http() {
        if (url == null || url.isBlank()) {
            throw new StartupException("billing.url is required when billing.type is http (WHARF_BILLING_URL)");
        }
        if (token == null || token.isBlank()) {
            throw new StartupException("billing.token is required when billing.type is http (WHARF_BILLING_TOKEN)");
        }
        URI base;
        try {
            base = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupException("billing.url is not a URL: " + url, e);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new StartupException("billing.url must be an http or https URL: " + url);
        }
        return new HttpBillingSource(base, token.strip(), java.time.Duration.ofMillis(timeout.toMilliseconds()));
    }

    private Instant anchor(Clock clock) {
        if (anchor == null || anchor.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .withDayOfYear(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        try {
            return Instant.parse(anchor.strip());
        } catch (DateTimeParseException e) {
            throw new StartupException("billing.anchor must be an ISO-8601 instant such as 2026-01-01T00:00:00Z", e);
        }
    }

    @JsonProperty
    public String getType() {
        return type;
    }

    @JsonProperty
    public void setType(String type) {
        this.type = type;
    }

    @JsonProperty
    public void setAnchor(String anchor) {
        this.anchor = anchor;
    }

    @JsonProperty
    public void setInterval(String interval) {
        this.interval = interval;
    }

    @JsonProperty
    public void setRowLimit(Long rowLimit) {
        this.rowLimit = rowLimit;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public void setToken(String token) {
        this.token = token;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
