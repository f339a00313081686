package dev.wharf.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private static Page<String> page(int limit, int offset, boolean more) {
        return new Page<>(List.of("row"), new Paging(limit, offset), more);
    }

    @Test
    void theNextLinkOnlyWhenMoreFollowAndThePreviousOnlyPastTheFirstPage() {
        PageLinks first = PageLinks.of(page(20, 0, true));
        PageLinks last = PageLinks.of(page(20, 20, false));

        assertThat(first.next()).isEqualTo("?limit=20&offset=20");
        assertThat(first.previous()).isNull();
        assertThat(last.next()).isNull();
        assertThat(last.previous()).isEqualTo("?limit=20&offset=0");
        assertThat(PageLinks.of(page(50, 0, true)).next()).isEqualTo("?limit=50&offset=50");
        assertThat(PageLinks.of(page(50, Integer.MAX_VALUE - 50, false)).previous())
                .isEqualTo("?limit=50&offset=" + (Integer.MAX_VALUE - 100));
    }

    @Test
    void theListsOtherParametersFollowInOrderEncodedAndWithoutTheAbsentOnes() {
        PageLinks links = PageLinks.of(page(1, 1, true))
                .with("cutoff_days", 30)
                .with("outcome", "all")
                .with("missing", null)
                .with("kind", "a&b=c");

        assertThat(links.next()).isEqualTo("?limit=1&offset=2&cutoff_days=30&outcome=all&kind=a%26b%3Dc");
        assertThat(links.previous()).isEqualTo("?limit=1&offset=0&cutoff_days=30&outcome=all&kind=a%26b%3Dc");
    }
}
