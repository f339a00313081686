package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written HMAC-SHA256 against RFC 4231 and the JDK's own, and what a secret must look like. */
class KeyHashingSecretTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String RANDOM_HEX = "8f3b1ad2c47e590b6a2df1843c9e7b05d16a0fe2b3947c58e1d02a6b9f4c3e71";

    private static String hmac(byte[] key, byte[] message) {
        return HEX.formatHex(new KeyHashingSecret(key).hmac(message));
    }

    @Example
    void rfc4231TestCase1() {
        assertThat(hmac(HEX.parseHex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Example
    void rfc4231TestCase2() {
        assertThat(hmac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Example
    void rfc4231TestCase3() {
        assertThat(hmac(HEX.parseHex("aa".repeat(20)), HEX.parseHex("dd".repeat(50))))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    }

    @Example
    void rfc4231TestCase6AKeyLongerThanABlockIsHashedFirst() {
        assertThat(hmac(
                        HEX.parseHex("aa".repeat(131)),
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Property(tries = 500)
    void theDigestIsTheJdksHmacSha256(@ForAll("keys") byte[] key, @ForAll String message)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));

        assertThat(KeyHashingSecret.of(key).hmacHex(message)).isEqualTo(expected);
    }

    @Example
    void oneSecretGivesEveryDigestAfreshFromManyThreadsAtOnce() throws GeneralSecurityException {
        KeyHashingSecret secret = KeyHashingSecret.decode(RANDOM_HEX);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HEX.parseHex(RANDOM_HEX), "HmacSHA256"));
        List<String> messages =
                IntStream.range(0, 64).mapToObj(i -> "phx_" + "k".repeat(i)).toList();
        Map<String, String> expected = new HashMap<>();
        for (String message : messages) {
            expected.put(message, HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
        }

        List<String> mismatches = IntStream.range(0, 20_000)
                .parallel()
                .mapToObj(i -> messages.get(i % messages.size()))
                .filter(message -> !secret.hmacHex(message).equals(expected.get(message)))
                .toList();

        assertThat(mismatches).isEmpty();
    }

    @Example
    void hexAndBothBase64AlphabetsDecodeToTheSameSecret() {
        byte[] bytes = HEX.parseHex(RANDOM_HEX);
        String expected = KeyHashingSecret.of(bytes).hmacHex("phx_x");

        for (String text : new String[] {
            RANDOM_HEX,
            RANDOM_HEX.toUpperCase(java.util.Locale.ROOT),
            "  " + RANDOM_HEX + "\n",
            Base64.getEncoder().encodeToString(bytes),
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        }) {
            assertThat(KeyHashingSecret.decode(text).hmacHex("phx_x")).as(text).isEqualTo(expected);
        }
    }

    @Example
    void fewerThanThirtyTwoBytesAreRefused() {
        byte[] bytes = HEX.parseHex(RANDOM_HEX);
        String shortHex = RANDOM_HEX.substring(0, 62);
        String shortBase64 = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 31));

        for (String text : new String[] {shortHex, shortBase64}) {
            assertThatThrownBy(() -> KeyHashingSecret.decode(text))
                    .as(text)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("at least 32 random bytes");
        }
        assertThatThrownBy(() -> KeyHashingSecret.of(Arrays.copyOf(bytes, 31)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Example
    void missingPatternedAndUnreadableSecretsAreRefusedWithoutQuotingThem() {
        String[] refused = {
            null,
            "",
            "   ",
            "0".repeat(64),
            "ab".repeat(40),
            "0123456789abcdef".repeat(4),
            RANDOM_HEX + "a",
            "correct horse battery staple, but longer than thirty-two characters",
            "pässwörd".repeat(8)
        };
        for (String text : refused) {
            assertThatThrownBy(() -> KeyHashingSecret.decode(text))
                    .as(String.valueOf(text))
                    .isInstanceOf(RuleViolationException.class)
                    .satisfies(e -> {
                        if (text != null && !text.isBlank()) {
                            assertThat(e.getMessage()).doesNotContain(text.strip());
                        }
                    });
        }
    }

    @Example
    void toStringRevealsNothing() {
        KeyHashingSecret secret = KeyHashingSecret.decode(RANDOM_HEX);

        assertThat(secret.toString()).isEqualTo("KeyHashingSecret[…]");
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(32)
                .ofMaxSize(200)
                .filter(key -> {
                    try {
                        KeyHashingSecret.of(key);
                        return true;
                    } catch (RuleViolationException e) {
                        return false;
                    }
                });
    }
}
