package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.out.provisioning.postgres.LoginLimits;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;

/**
 * What each warehouse login may use of a shared PostgreSQL server ({@code engine.postgres.limits}); a value left
 * empty (or a connection limit of -1) leaves the server's own setting. See {@link LoginLimits}.
 */
public class LoginLimitsConfiguration {
    @Min(-1)
    private int connectionLimit = LoginLimits.DEFAULTS.connectionLimit();

    private Duration statementTimeout = Duration.minutes(15);
    private Duration idleInTransactionTimeout = Duration.minutes(10);
    private DataSize workMem = DataSize.mebibytes(64);
    private DataSize tempFileLimit = DataSize.gibibytes(5);

    public LoginLimits toLimits() {
        return new LoginLimits(
                connectionLimit,
                statementTimeout == null ? null : java.time.Duration.ofMillis(statementTimeout.toMilliseconds()),
                idleInTransactionTimeout == null
                        ? null
                        : java.time.Duration.ofMillis(idleInTransactionTimeout.toMilliseconds()),
                workMem == null ? null : workMem.toKibibytes(),
                tempFileLimit == null ? null : tempFileLimit.toKibibytes());
    }

    @JsonProperty
    public int getConnectionLimit() {
        return connectionLimit;
    }

    @JsonProperty
    public void setConnectionLimit(int connectionLimit) {
        this.connectionLimit = connectionLimit;
    }

    @JsonProperty
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public Duration getIdleInTransactionTimeout() {
        return idleInTransactionTimeout;
    }

    @JsonProperty
    public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    @JsonProperty
    public DataSize getWorkMem() {
        return workMem;
    }

    @JsonProperty
    public void setWorkMem(DataSize workMem) {
        this.workMem = workMem;
    }

    @JsonProperty
    public DataSize getTempFileLimit() {
        return tempFileLimit;
    }

    @JsonProperty
    public void setTempFileLimit(DataSize tempFileLimit) {
        this.tempFileLimit = tempFileLimit;
    }
}
