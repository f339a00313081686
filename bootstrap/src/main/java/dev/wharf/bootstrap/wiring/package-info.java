/** Builds everything by hand: adapters, then services, then resources, per feature (Wiring, AdminWiring, AuditWiring, JobsWiring, ErrorWiring), the metadata database and its migrations, the engines and their health checks. */
package dev.wharf.bootstrap.wiring;
