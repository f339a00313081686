package dev.wharf.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecureRandomPasswordGeneratorTest {
    private static final Pattern BASE64URL_43 = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final List<String> THOUSAND = thousandPasswords();

    private static List<String> thousandPasswords() {
        PasswordGenerator generator = new SecureRandomPasswordGenerator();
        return IntStream.range(0, 1000)
                .mapToObj(i -> generator.generate().reveal())
                .toList();
    }

    @Test
    void passwordsAreFortyThreeBase64UrlCharactersWithoutPadding() {
        assertThat(SecureRandomPasswordGenerator.LENGTH).isEqualTo(43);
        assertThat(THOUSAND)
                .allSatisfy(
                        password -> assertThat(password).matches(BASE64URL_43).doesNotContain("="));
    }

    @Test
    void passwordsDecodeToThirtyTwoBytes() {
        assertThat(THOUSAND)
                .allSatisfy(password ->
                        assertThat(Base64.getUrlDecoder().decode(password)).hasSize(32));
    }

    @Test
    void aThousandPasswordsAreAllDifferent() {
        assertThat(THOUSAND).hasSize(1000).doesNotHaveDuplicates();
    }
}
