package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ApiKeySecretPropertiesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes, 00 to 1f. */
    private static final String HASHING_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private static final KeyHashingSecret HASHING = KeyHashingSecret.decode(HASHING_HEX);
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property(tries = 1000)
    void generatedKeysArePhxFollowedByFortyThreeUrlSafeCharacters() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);

        assertThat(secret.reveal()).matches("^phx_[A-Za-z0-9_-]{43}$");
        assertThat(ApiKeySecret.looksValid(secret.reveal())).isTrue();
    }

    @Property(tries = 1000)
    void parseAcceptsPhxFollowedByAtLeastThirtyTwoUrlSafeCharacters(@ForAll("validRandomParts") String random) {
        ApiKeySecret secret = ApiKeySecret.parse("phx_" + random);

        assertThat(secret.reveal()).isEqualTo("phx_" + random);
    }

    @Property(tries = 500)
    void parseRefusesFewerThanThirtyTwoCharacters(@ForAll("shortRandomParts") String random) {
        assertThatThrownBy(() -> ApiKeySecret.parse("phx_" + random)).isInstanceOf(RuleViolationException.class);
        assertThat(ApiKeySecret.looksValid("phx_" + random)).isFalse();
    }

    @Property(tries = 1000)
    void parseRefusesAnyCharacterOutsideTheUrlSafeAlphabet(
            @ForAll("validRandomParts") String random, @ForAll("foreignCharacters") char foreign, @ForAll int at) {
        int position = Math.floorMod(at, random.length() + 1);
        String tainted = random.substring(0, position) + foreign + random.substring(position);

        assertThatThrownBy(() -> ApiKeySecret.parse("phx_" + tainted)).isInstanceOf(RuleViolationException.class);
    }

    @Property(tries = 500)
    void parseRefusesOtherPrefixes(@ForAll("validRandomParts") String random, @ForAll("otherPrefixes") String prefix) {
        Assume.that(!(prefix + random).startsWith("phx_"));

        assertThatThrownBy(() -> ApiKeySecret.parse(prefix + random)).isInstanceOf(RuleViolationException.class);
    }

    @Example
    void parseRefusesMissingAndOverlongKeys() {
        assertThatThrownBy(() -> ApiKeySecret.parse(null)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ApiKeySecret.parse("")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ApiKeySecret.parse("phx_")).isInstanceOf(RuleViolationException.class);
        assertThat(ApiKeySecret.looksValid("phx_" + "a".repeat(200))).isTrue();
        assertThat(ApiKeySecret.looksValid("phx_" + "a".repeat(201))).isFalse();
    }

    @Property(tries = 1000)
    void theDigestIsSixtyFourLowerCaseHexCharactersAndStable(@ForAll("keys") String key) {
        ApiKeySecret secret = ApiKeySecret.parse(key);

        assertThat(secret.digest(HASHING)).matches("^[0-9a-f]{64}$");
        assertThat(secret.digest(HASHING))
                .isEqualTo(secret.digest(HASHING))
                .isEqualTo(ApiKeySecret.parse(key).digest(KeyHashingSecret.decode(HASHING_HEX)));
    }

    @Example
    void theDigestIsTheHmacSha256OfTheWholeKeyUnderTheHashingSecret() {
        assertThat(ApiKeySecret.parse("phx_abcdefghijklmnopqrstuvwxyz012345").digest(HASHING))
                .isEqualTo("5d532bc3da602ed45f1da84be06a4480c9c9692f227681a17fdaae35d00d8c84");
    }

    @Property(tries = 1000)
    void theDigestDependsOnTheHashingSecretAndIsNotThePlainHash(@ForAll("keys") String key) {
        ApiKeySecret secret = ApiKeySecret.parse(key);
        KeyHashingSecret other = KeyHashingSecrets.random();

        assertThat(secret.digest(HASHING)).isNotEqualTo(secret.digest(other)).isNotEqualTo(secret.plainSha256());
    }

    @Example
    void thePlainSha256IsTheSha256OfTheWholeKey() {
        assertThat(ApiKeySecret.parse("phx_abcdefghijklmnopqrstuvwxyz012345").plainSha256())
                .isEqualTo("f31a5640e4922796be7aef9b4f60eea6cfd24e8595c65fed23c970882b968edd");
    }

    @Property(tries = 1000)
    void differentKeysHaveDifferentDigests(@ForAll("keys") String a, @ForAll("keys") String b) {
        Assume.that(!a.equals(b));

        assertThat(ApiKeySecret.parse(a).digest(HASHING))
                .isNotEqualTo(ApiKeySecret.parse(b).digest(HASHING));
    }

    @Property(tries = 1000)
    void neitherToStringNorTheMaskRevealTheSecret(@ForAll("keys") String key) {
        ApiKeySecret secret = ApiKeySecret.parse(key);
        String randomPart = key.substring(4);

        assertThat(secret.toString()).doesNotContain(key).doesNotContain(randomPart);
        assertThat(secret.mask()).doesNotContain(key).doesNotContain(randomPart);
        assertThat(secret.mask()).isEqualTo(key.substring(0, 8) + "…");
        assertThat(secret.toString()).doesNotContain(key.substring(8, 16));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                validRandomParts().map(random -> "phx_" + random),
                Arbitraries.create(() -> ApiKeySecret.generate(RANDOM).reveal()));
    }

    @Provide
    Arbitrary<String> validRandomParts() {
        return Arbitraries.strings().withChars(URL_SAFE).ofMinLength(32).ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> shortRandomParts() {
        return Arbitraries.strings().withChars(URL_SAFE).ofMinLength(0).ofMaxLength(31);
    }

    @Provide
    Arbitrary<Character> foreignCharacters() {
        return Arbitraries.chars().filter(c -> URL_SAFE.indexOf(c) < 0);
    }

    @Provide
    Arbitrary<String> otherPrefixes() {
        Arbitrary<String> near = Arbitraries.of("", "PHX_", "phx-", "phx", "phs_", "pha_", " phx_", "xphx_", "phc_");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(6).filter(p -> !p.equals("phx_"));
        return Arbitraries.oneOf(near, any);
    }
}
