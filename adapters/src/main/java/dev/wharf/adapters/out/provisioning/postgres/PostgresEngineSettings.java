package dev.wharf.adapters.out.provisioning.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL engine administers warehouses and where users are told to connect.
 *
 * @param adminJdbcUrl a {@code jdbc:postgresql://} URL of any database on the warehouse server, for the admin role; it
 *     may be a different server from Wharf's own metadata database
 * @param adminUser a role with CREATEDB and CREATEROLE (a superuser works too)
 * @param adminPassword the admin role's password, possibly empty; never printed
 * @param publicHost the host users are told to connect to
 * @param publicPort the port users are told to connect to
 * @param connectTimeout how long opening the admin connection may take
 * @param statementTimeout how long one admin statement may take ({@code CREATE DATABASE} copies a template: allow
 *     seconds)
 * @param rolePrefix what every warehouse login starts with: a lower-case letter, then at most 29 lower-case letters,
 *     digits or underscores
 * @param loginGroup a group role every warehouse login joins (created NOLOGIN when missing), or null: the operator's
 *     pg_hba.conf can then require passwords for the group ({@code host all +group 0.0.0.0/0 scram-sha-256}), which
 *     a server that trusts local logins would not otherwise check
 * @param sslMode the libpq {@code sslmode} users are told to connect with: {@code require} when the server serves TLS
 *     to everyone (the embedded server does), {@code verify-full} when its certificate is signed for the public host,
 *     {@code prefer} (the default) when Wharf cannot tell, {@code disable} when it has no TLS
 * @param limits what each warehouse login may use of the server
 */
public record PostgresEngineSettings(
        String adminJdbcUrl,
        String adminUser,
        String adminPassword,
        String publicHost,
        int publicPort,
        Duration connectTimeout,
        Duration statementTimeout,
        String rolePrefix,
        String loginGroup,
        String sslMode,
        LoginLimits limits) {
    public static final String DEFAULT_ROLE_PREFIX = "wh_";
    private static final Pattern PREFIX = Pattern.compile("^[a-z][a-z0-9_]{0,29}$");
    private static final Pattern SSL_MODE = Pattern.compile("^(disable|allow|prefer|require|verify-ca|verify-full)$");
    private static final Pattern GROUP = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    public PostgresEngineSettings {
        if (adminJdbcUrl == null || !adminJdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("adminJdbcUrl must be a jdbc:postgresql: URL");
        }
        requireText(adminUser, "adminUser");
        adminPassword = adminPassword == null ? "" : adminPassword;
        requireText(publicHost, "publicHost");
        if (publicPort < 1 || publicPort > 65535) {
            throw new IllegalArgumentException("publicPort must be between 1 and 65535, was " + publicPort);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(statementTimeout, "statementTimeout");
        rolePrefix = rolePrefix == null ? DEFAULT_ROLE_PREFIX : rolePrefix;
        loginGroup = loginGroup == null || loginGroup.isBlank() ? null : loginGroup;
        if (loginGroup != null && !GROUP.matcher(loginGroup).matches()) {
            throw new IllegalArgumentException("loginGroup must be a lower-case letter followed by at most 62"
                    + " lower-case letters, digits or underscores, was '" + loginGroup + "'");
        }
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode;
        if (!SSL_MODE.matcher(sslMode).matches()) {
            throw new IllegalArgumentException("sslMode must be one of disable, allow, prefer, require, verify-ca or"
                    + " verify-full, was '" + sslMode + "'");
        }
        limits = limits == null ? LoginLimits.NONE : limits;
        if (!PREFIX.matcher(rolePrefix).matches()) {
            throw new IllegalArgumentException("rolePrefix must be a lower-case letter followed by at most 29"
                    + " lower-case letters, digits or underscores, was '" + rolePrefix + "'");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return "PostgresEngineSettings[adminJdbcUrl=" + adminJdbcUrl + ", adminUser=" + adminUser
                + ", adminPassword=" + (adminPassword.isEmpty() ? "(empty)" : "(redacted)") + ", publicHost="
                + publicHost + ", publicPort=" + publicPort + ", connectTimeout=" + connectTimeout
                + ", statementTimeout=" + statementTimeout + ", rolePrefix=" + rolePrefix + ", loginGroup=" + loginGroup
                + ", sslMode=" + sslMode + ", limits=" + limits + "]";
    }
}
