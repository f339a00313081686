/**
 * Application services over the JDBI stores on a real database (H2 and PostgreSQL, or PostgreSQL alone where its row
 * locks are the point): the service tests that need one, each named for it. Everything else about the services is
 * tested in the application module on the in-memory fakes.
 */
package dev.wharf.adapters.out.jdbi.services;
