package dev.wharf.application.port.in.admin;

/** A new organization's name; the name is checked by {@link dev.wharf.domain.project.Organization}. */
public record CreateOrganizationCommand(String name) {}
