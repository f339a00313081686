package dev.wharf.adapters.in.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {
    private final DomainExceptionMapper mapper = new DomainExceptionMapper();

    private static String error(Response response) {
        return ((ErrorBody) response.getEntity()).error();
    }

    @Test
    void anUnreachableEngineIs502AndATimeoutIs504WithTheGatewayMessagesNotTheEnginesWords() {
        Response unreachable = mapper.toResponse(new BackendUnavailableException(
                BackendUnavailableException.Reason.UNREACHABLE,
                "connect to 10.0.0.7:5432 refused",
                new ConnectException("refused")));
        Response timeout = mapper.toResponse(new BackendUnavailableException(
                BackendUnavailableException.Reason.TIMEOUT, "read timed out after 30 s from db.internal", null));

        assertThat(unreachable.getStatus()).isEqualTo(502);
        assertThat(error(unreachable)).isEqualTo("Provisioning service is unreachable");
        assertThat(timeout.getStatus()).isEqualTo(504);
        assertThat(error(timeout)).isEqualTo("Provisioning service timed out");
    }

    @Test
    void anEngineRefusingWharfsCredentialsIs502SayingSoWithoutTheEnginesWords() {
        Response refused = mapper.toResponse(new BackendUnavailableException(
                BackendUnavailableException.Reason.CREDENTIALS_REFUSED,
                "duckgres refused Wharf's credentials (401 to GET /orgs/x/warehouse/status: unauthorized)",
                null));

        assertThat(refused.getStatus()).isEqualTo(502);
        assertThat(error(refused)).isEqualTo("Provisioning service refused Wharf's credentials");
    }

    @Test
    void theOtherCategoriesKeepTheirDocumentedMessage() {
        assertThat(mapper.toResponse(new RuleViolationException("database_name is required"))
                        .getStatus())
                .isEqualTo(400);
        assertThat(error(mapper.toResponse(new NotFoundException("warehouse not found"))))
                .isEqualTo("warehouse not found");
        Response conflict =
                mapper.toResponse(new ConflictException("warehouse must be in ready state to reset password"));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(error(conflict)).isEqualTo("warehouse must be in ready state to reset password");
    }
}
