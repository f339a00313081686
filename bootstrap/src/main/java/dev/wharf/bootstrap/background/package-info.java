/** The background threads that run with the server: the provisioning worker's loop, the stale-job pass and the check of ready warehouses against their engine. */
package dev.wharf.bootstrap.background;
