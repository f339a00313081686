package dev.wharf.application.port.in.warehouse;

import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import java.time.Instant;

/** The one answer that carries a warehouse password. */
public record PasswordReset(LoginName username, Password password, Instant passwordLastSetAt) {}
