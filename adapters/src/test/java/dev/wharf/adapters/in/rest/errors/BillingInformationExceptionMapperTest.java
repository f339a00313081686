package dev.wharf.adapters.in.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.in.usage.BillingInformationUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class BillingInformationExceptionMapperTest {
    @Test
    void aBillingFailureIs500WithPostHogsWordsAndNotTheCause() {
        Response response = new BillingInformationExceptionMapper()
                .toResponse(new BillingInformationUnavailableException(
                        new IllegalStateException("billing.internal:8443 refused")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((ErrorBody) response.getEntity()).error())
                .isEqualTo("An error occurred retrieving billing information");
    }
}
