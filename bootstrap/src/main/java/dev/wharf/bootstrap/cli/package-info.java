/** The command line: server, check, dev, db, generate, and the operator's admin commands (org, project, user, key), with their argument parsing and table output. */
package dev.wharf.bootstrap.cli;
