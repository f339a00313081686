package dev.wharf.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;

class PasswordTest {
    private static final String REDACTED = "Password[redacted]";

    @Property(tries = 2000)
    void toStringNeverShowsThePassword(@ForAll @NotEmpty String plaintext) {
        // A password that is itself a piece of the redacted form would be "found" in it by coincidence.
        Assume.that(!REDACTED.contains(plaintext));

        Password password = new Password(plaintext);

        assertThat(password.toString()).doesNotContain(plaintext);
        assertThat(String.valueOf(password)).isEqualTo(REDACTED);
        assertThat(password.reveal()).isEqualTo(plaintext);
    }

    @Example
    void generatedPasswordsNeverShowInToString() {
        PasswordGenerator generator = new SecureRandomPasswordGenerator();
        for (int i = 0; i < 1000; i++) {
            Password password = generator.generate();
            assertThat(password.toString()).doesNotContain(password.reveal());
        }
    }

    @Example
    void passwordsAreEqualByValue() {
        assertThat(new Password("s3cret")).isEqualTo(new Password("s3cret")).hasSameHashCodeAs(new Password("s3cret"));
        assertThat(new Password("s3cret")).isNotEqualTo(new Password("other"));
    }

    @Example
    void emptyAndMissingPasswordsAreRefused() {
        assertThatThrownBy(() -> new Password("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(NullPointerException.class);
    }
}
