package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class DatabaseNamePropertiesTest {
    private static final Pattern ISSUE_REGEX = Pattern.compile("^[a-z]([a-z0-9-]*[a-z0-9])?$");

    @Property(tries = 3000)
    void aNameIsAcceptedExactlyWhenItIsADnsLabelOfThreeToSixtyThreeCharacters(@ForAll("candidates") String s) {
        boolean expected =
                s.length() >= 3 && s.length() <= 63 && ISSUE_REGEX.matcher(s).matches();
        Statistics.label("accepted").collect(expected);

        assertThat(DatabaseName.problemWith(s).isEmpty()).isEqualTo(expected);
        assertThat(DatabaseName.problemWith(s).isEmpty()).isEqualTo(isDnsLabelByHand(s));
    }

    @Property(tries = 2000)
    void everyRefusalIsOneOfThePublicMessagesInOrderOfCheck(@ForAll("candidates") String s) {
        String expected;
        if (s.isEmpty()) {
            expected = DatabaseName.REQUIRED;
        } else if (s.length() < 3 || s.length() > 63) {
            expected = DatabaseName.BAD_LENGTH;
        } else if (!ISSUE_REGEX.matcher(s).matches()) {
            expected = DatabaseName.NOT_A_DNS_LABEL;
        } else {
            expected = null;
        }

        assertThat(DatabaseName.problemWith(s).orElse(null)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void generatedValidLabelsAreAcceptedAndKeptAsGiven(@ForAll("validLabels") String label) {
        assertThat(DatabaseName.problemWith(label)).isEmpty();
        assertThat(new DatabaseName(label).value()).isEqualTo(label);
        assertThat(new DatabaseName(label)).hasToString(label);
    }

    @Property(tries = 1000)
    void theConstructorRefusesWithTheSameProblemAsARuleViolation(@ForAll("candidates") String s) {
        DatabaseName.problemWith(s)
                .ifPresent(problem -> assertThatThrownBy(() -> new DatabaseName(s))
                        .isInstanceOf(RuleViolationException.class)
                        .hasMessage(problem));
    }

    /** The rule written out character by character, independent of any regex. */
    private static boolean isDnsLabelByHand(String s) {
        if (s.length() < 3 || s.length() > 63) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (i == 0 && !lower) {
                return false;
            }
            if (i == s.length() - 1 && !(lower || digit)) {
                return false;
            }
            if (!(lower || digit || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> nearlyValid = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars('-')
                .ofMinLength(0)
                .ofMaxLength(70);
        Arbitrary<String> messy = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars("-_.AZ \n\té\u0131")
                .ofMinLength(0)
                .ofMaxLength(70);
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(70);
        return Arbitraries.frequencyOf(Tuple.of(5, nearlyValid), Tuple.of(3, messy), Tuple.of(1, anything));
    }

    @Provide
    Arbitrary<String> validLabels() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> middle = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars('-')
                .ofMinLength(1)
                .ofMaxLength(61);
        Arbitrary<Character> last = Arbitraries.chars().range('a', 'z').range('0', '9');
        return Combinators.combine(first, middle, last).as((f, m, l) -> f + m + l);
    }
}
