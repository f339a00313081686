package dev.wharf.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.com/wharf",
                "https://hooks.example.com:8443/a/b?c=d&e=f",
                "HTTPS://Example.COM",
                "https://[2001:db8::1]:443/x",
                "https://192.0.2.10/hook"
            })
    void acceptedAsGiven(String url) {
        assertThat(WebhookUrl.check(url, false)).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://hooks.example.com/x|url must be https",
                "ftp://hooks.example.com/x|url must be https",
                "hooks.example.com/x|url must be https",
                "https://user:pw@hooks.example.com/x|url must not carry a user name or password",
                "https://hooks.example.com/x#frag|url must not have a fragment",
                "https:///x|url must name a host",
                "https://:443/x|url must name a host",
                "https://hooks.example.com:0/x|url has a port that is not 1 to 65535",
                "https://hooks.example.com:99999/x|url has a port that is not 1 to 65535",
                "https://hooks.example.com:80a/x|url has a port that is not 1 to 65535",
                "https://hooks..example.com/x|url has a malformed host",
                "https://hoöks.example.com/x|url must not contain spaces, control or non-ASCII characters",
                "https://hooks.example.com/a b|url must not contain spaces, control or non-ASCII characters",
                "https://[::1/x|url has an unclosed IPv6 address",
                "https://[zz::1]/x|url has a malformed IPv6 address"
            })
    void refusedWithTheRuleItBreaks(String url, String message) {
        assertThatThrownBy(() -> WebhookUrl.check(url, false))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost/hook"})
    void httpOnlyWhereAllowed(String url) {
        assertThat(WebhookUrl.check(url, true)).isEqualTo(url);
        assertThatThrownBy(() -> WebhookUrl.check(url, false)).hasMessage("url must be https");
    }
}
