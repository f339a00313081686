package dev.wharf.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "r",
                "root",
                "wharf_root",
                "a1_b2",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"
            })
    void acceptsSafeIdentifiersOfUpToSixtyThreeCharacters(String value) {
        assertThat(new LoginName(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Root",
                "1root",
                "_root",
                "ro-ot",
                "ro ot",
                "root\n",
                "root;drop",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"
            })
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> new LoginName(value)).isInstanceOf(RuleViolationException.class);
    }
}
