/** Dev mode: the data directory, its file modes, the embedded server's settings, and the recovery of an H2 metadata file after an unclean stop. */
package dev.wharf.bootstrap.dev;
