package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.rest.RateLimitHeaders;
import dev.wharf.adapters.in.rest.audit.AuditLogResource;
import dev.wharf.adapters.in.rest.errors.RateLimitExceptionMapper;
import dev.wharf.adapters.out.jdbi.audit.JdbiAuditLog;
import dev.wharf.adapters.out.jdbi.ratelimit.JdbiRateLimiter;
import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.ratelimit.RateLimitPolicy;
import dev.wharf.application.service.audit.AuditLogService;
import dev.wharf.bootstrap.config.RateLimitConfiguration;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The rate limit and the audit log of the warehouse management actions: the {@link ActionGuard} the warehouse
 * services go through, the limit's headers and 429, and the audit log's endpoint.
 */
final class AuditWiring {
    private AuditWiring() {}

    static ActionGuard serve(
            JerseyEnvironment jersey,
            Jdbi jdbi,
            ProjectAccess access,
            RateLimitConfiguration rateLimit,
            Clock clock,
            Metrics metrics) {
        JdbiAuditLog audit = new JdbiAuditLog(jdbi);
        jersey.register(new RateLimitHeaders());
        jersey.register(new RateLimitExceptionMapper());
        jersey.register(new AuditLogResource(new AuditLogService(access, audit)));
        RateLimitPolicy policy = new RateLimitPolicy(new JdbiRateLimiter(jdbi), rateLimit.perMinute(), clock);
        return new ActionGuard(access, policy, audit, clock, metrics);
    }
}
