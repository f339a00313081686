/** Wharf's configuration file as Dropwizard reads it (server, database, engines, auth, billing, jobs, worker, rate limits), turned into the plain records the inner layers take; and the one-line errors of a configuration that cannot be read. */
package dev.wharf.bootstrap.config;
