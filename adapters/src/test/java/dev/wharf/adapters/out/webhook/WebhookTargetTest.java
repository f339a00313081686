package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL rules, checked before any lookup: what a subscription's URL may be, and what the request is built from. */
class WebhookTargetTest {

    @Test
    void anHttpsUrlIsTakenApart() throws DeliveryFailure {
        WebhookTarget target = WebhookTarget.parse("https://Hooks.Example.com/in/wharf?team=7&x=%20y#frag", true);

        assertThat(target).isEqualTo(new WebhookTarget(true, "Hooks.Example.com", 443, "/in/wharf?team=7&x=%20y"));
        assertThat(target.hostHeader()).isEqualTo("Hooks.Example.com");
        assertThat(target.hostIsAddress()).isFalse();
    }

    @Test
    void theHostHeaderCarriesAPortThatIsNotTheSchemesOwn() throws DeliveryFailure {
        assertThat(WebhookTarget.parse("http://example.com:8080", false).hostHeader())
                .isEqualTo("example.com:8080");
        assertThat(WebhookTarget.parse("http://example.com:80/", false).hostHeader())
                .isEqualTo("example.com");
        assertThat(WebhookTarget.parse("https://example.com:80/", false).hostHeader())
                .isEqualTo("example.com:80");
    }

    @Test
    void anEmptyPathIsTheRootAndAnIpv6LiteralLosesItsBracketsButForTheHostHeader() throws DeliveryFailure {
        WebhookTarget target = WebhookTarget.parse("http://[2001:db8::1]:8443", false);

        assertThat(target.host()).isEqualTo("2001:db8::1");
        assertThat(target.pathAndQuery()).isEqualTo("/");
        assertThat(target.hostHeader()).isEqualTo("[2001:db8::1]:8443");
        assertThat(target.hostIsAddress()).isTrue();
    }

    @Test
    void aPathOutsideAsciiIsSentPercentEncoded() throws DeliveryFailure {
        assertThat(WebhookTarget.parse("https://example.com/café", true).pathAndQuery())
                .isEqualTo("/caf%C3%A9");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://example.com/hook | true | refused: https required",
                "ftp://example.com/hook | false | refused: only http and https URLs are allowed",
                "file:///etc/passwd | false | refused: only http and https URLs are allowed",
                "gopher://127.0.0.1:6379/_INFO | false | refused: only http and https URLs are allowed",
                "example.com/hook | false | refused: only http and https URLs are allowed",
                "https://user:secret@example.com/ | true | refused: a URL with user information",
                "https://user@example.com/ | true | refused: a URL with user information",
                "https:///hook | true | refused: a URL without a valid host",
                "https:hook | true | refused: a URL without a valid host",
                "https://exa mple.com/ | true | refused: not a valid URL",
                "https://example.com:0/ | true | refused: port out of range",
                "https://example.com:65536/ | true | refused: port out of range",
                "https://example.com/a\\nb | true | refused: not a valid URL",
            })
    void refuses(String url, boolean requireHttps, String detail) {
        assertThatThrownBy(() -> WebhookTarget.parse(url.replace("\\n", "\n"), requireHttps))
                .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                    assertThat(failure.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
                    assertThat(failure.getMessage()).isEqualTo(detail);
                });
    }

    @Test
    void noUrlIsRefusedNotThrown() {
        assertThatThrownBy(() -> WebhookTarget.parse(null, true))
                .isInstanceOf(DeliveryFailure.class)
                .hasMessage("refused: not a valid URL");
    }
}
