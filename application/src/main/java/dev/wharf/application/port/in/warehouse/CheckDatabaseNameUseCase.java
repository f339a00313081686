package dev.wharf.application.port.in.warehouse;

/** Whether a database name could be provisioned now, and if not, why. */
public interface CheckDatabaseNameUseCase {
    NameAvailability check(CheckDatabaseNameQuery query);
}
