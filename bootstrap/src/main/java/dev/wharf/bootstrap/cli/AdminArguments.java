package dev.wharf.bootstrap.cli;

import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The admin commands' option values, turned into domain values; a bad value is a rule violation naming the option. */
final class AdminArguments {
    private static final Pattern UUID_SHAPE =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** ASCII digits only: {@link Long#parseLong} also reads other scripts' digits ({@code ١٢} would be project 12). */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private AdminArguments() {}

    static OrganizationId organization(String option, String value) {
        return value == null ? null : new OrganizationId(uuid(option, "an organization id", value));
    }

    static ApiKeyId apiKey(String option, String value) {
        return new ApiKeyId(uuid(option, "an API key id", value));
    }

    static ProjectId project(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (!DIGITS.matcher(value.strip()).matches()) {
                throw new NumberFormatException();
            }
            return ProjectId.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException | RuleViolationException e) {
            throw new RuleViolationException(option + " must be a positive integer, got '" + value + "'");
        }
    }

    static Set<ProjectId> projects(String option, String value) {
        return list(value, item -> project(option, item));
    }

    static Set<Scope> scopes(String option, String value) {
        return list(value, item -> {
            try {
                return Scope.fromWireName(item);
            } catch (RuleViolationException e) {
                throw new RuleViolationException(option + ": unknown scope '" + item + "' (one of "
                        + Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(", ")) + ")");
            }
        });
    }

    static OrganizationRole role(String option, String value) {
        try {
            return OrganizationRole.fromWireName(value.strip().toLowerCase(Locale.ROOT));
        } catch (RuleViolationException e) {
            throw new RuleViolationException(option + " must be member, admin or owner, got '" + value + "'");
        }
    }

    static ZoneId timeZone(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new RuleViolationException(
                    option + " must be a time zone such as UTC or Europe/Paris, got '" + value + "'");
        }
    }

    private static UUID uuid(String option, String what, String value) {
        if (value == null || !UUID_SHAPE.matcher(value.strip()).matches()) {
            throw new RuleViolationException(option + " must be " + what + " (a UUID), got '" + value + "'");
        }
        return UUID.fromString(value.strip());
    }

    private static <T> Set<T> list(String value, Function<String, T> parse) {
        Set<T> items = new LinkedHashSet<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(parse.apply(item.strip()));
                }
            }
        }
        return items;
    }
}
