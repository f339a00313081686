package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.rest.BodySizeLimitFilter;
import dev.wharf.adapters.in.rest.UnreadBodyFilter;
import dev.wharf.adapters.in.rest.errors.AccessExceptionMapper;
import dev.wharf.adapters.in.rest.errors.BillingInformationExceptionMapper;
import dev.wharf.adapters.in.rest.errors.DomainExceptionMapper;
import dev.wharf.adapters.in.rest.errors.JsonErrorHandler;
import dev.wharf.adapters.in.rest.errors.JsonExceptionMapper;
import dev.wharf.adapters.in.rest.errors.TooLargeExceptionMapper;
import dev.wharf.adapters.in.rest.errors.UnexpectedExceptionMapper;
import dev.wharf.adapters.in.rest.errors.WebApplicationExceptionMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/** How refusals become answers: Jersey's exception mappers, and Jetty's own refusals as the API's JSON. */
final class ErrorWiring {
    private ErrorWiring() {}

    static void register(Environment environment) {
        registerErrorHandling(environment.jersey());
        registerServerRefusals(environment);
    }

    /**
     * Beyond Jersey's mappers: Jetty's own refusals as JSON, and bodies the API did not read read anyway, so that the
     * client gets to see its answer.
     */
    private static void registerServerRefusals(Environment environment) {
        FilterRegistration.Dynamic unreadBody = environment.servlets().addFilter("unread-body", new UnreadBodyFilter());
        unreadBody.setAsyncSupported(true);
        unreadBody.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle server) {
                if (server instanceof Server jetty) {
                    jetty.setErrorHandler(new JsonErrorHandler());
                }
            }
        });
    }

    private static void registerErrorHandling(JerseyEnvironment jersey) {
        jersey.register(new BodySizeLimitFilter());
        jersey.register(new DomainExceptionMapper());
        jersey.register(new AccessExceptionMapper());
        jersey.register(new BillingInformationExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new TooLargeExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }
}
