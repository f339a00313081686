package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {
    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

    private static User user(String email) {
        return new User(UserId.random(), email, NOW);
    }

    @Test
    void emailsAreStoredTrimmedAndLowerCased() {
        assertThat(user("  Ada.Lovelace@Example.COM ").email()).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void lowerCasingDoesNotDependOnTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(user("IRIS@EXAMPLE.COM").email()).isEqualTo("iris@example.com");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "no-at-sign",
                "@example.com",
                "ada@",
                "ada@@example.com",
                "ada@example@com",
                "ada lovelace@example.com",
                "ada@exa mple.com",
                "ada@example.com\nbcc@evil.com"
            })
    void malformedAddressesAreRefused(String email) {
        assertThatThrownBy(() -> user(email)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void addressesLongerThan254CharactersAreRefused() {
        String local = "a".repeat(64);
        String domain = "b".repeat(254 - local.length() - 1);

        assertThat(user(local + "@" + domain).email()).hasSize(254);
        assertThatThrownBy(() -> user(local + "@" + domain + "c")).isInstanceOf(RuleViolationException.class);
    }
}
