package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.warehouse.PasswordReset;

/** The one response that carries a warehouse password; it is sent with {@code Cache-Control: no-store}. */
public record PasswordResetResponse(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("password_last_set_at") String passwordLastSetAt) {
    static PasswordResetResponse of(PasswordReset reset) {
        return new PasswordResetResponse(
                reset.username().value(), reset.password().reveal(), Timestamps.format(reset.passwordLastSetAt()));
    }

    @Override
    public String toString() {
        return "PasswordResetResponse[username=" + username + ", password=redacted]";
    }
}
