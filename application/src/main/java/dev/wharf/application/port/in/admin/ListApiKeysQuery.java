package dev.wharf.application.port.in.admin;

/** Whose keys to list: the user with {@code email}, or everyone's when it is null. */
public record ListApiKeysQuery(String email) {
    public static ListApiKeysQuery all() {
        return new ListApiKeysQuery(null);
    }
}
