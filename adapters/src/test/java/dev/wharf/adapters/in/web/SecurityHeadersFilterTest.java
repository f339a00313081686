package dev.wharf.adapters.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {
    private static final List<String> DIRECTIVES = Arrays.asList(SecurityHeadersFilter.POLICY.split("; "));

    @Test
    void thePolicyAllowsOnlyWharfsOwnFilesAndNoInlineCode() {
        assertThat(DIRECTIVES)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'");
        assertThat(SecurityHeadersFilter.POLICY).doesNotContain("unsafe-", "*", "data:", "blob:");
    }

    /** The browser itself refuses innerHTML and its kind: a tenant's name can only become text. */
    @Test
    void trustedTypesWithoutAPolicyCloseEveryHtmlSink() {
        assertThat(DIRECTIVES).contains("require-trusted-types-for 'script'", "trusted-types 'none'");
    }
}
