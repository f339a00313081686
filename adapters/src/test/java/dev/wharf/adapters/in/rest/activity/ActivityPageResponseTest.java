package dev.wharf.adapters.in.rest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.activity.ActivityPage;
import dev.wharf.application.port.out.activity.JobActivity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activity lists' links: the cutoff always, outcome and kind for the completed list only, as PostHog's. */
class ActivityPageResponseTest {

    private static ActivityPage page(int limit, int offset, boolean more, int cutoff, String kind, String outcome) {
        return new ActivityPage(
                new Page<JobActivity>(List.of(), new Paging(limit, offset), more), cutoff, kind, outcome);
    }

    @Test
    void runningLinksCarryTheCutoffAndNothingElse() {
        ActivityPageResponse first = ActivityPageResponse.of(page(20, 0, true, 30, null, null));
        ActivityPageResponse second = ActivityPageResponse.of(page(20, 20, false, 30, null, null));

        assertThat(first.next()).isEqualTo("?limit=20&offset=20&cutoff_days=30");
        assertThat(first.previous()).isNull();
        assertThat(second.next()).isNull();
        assertThat(second.previous()).isEqualTo("?limit=20&offset=0&cutoff_days=30");
        assertThat(ActivityPageResponse.of(page(50, 0, true, 5, null, null)).next())
                .isEqualTo("?limit=50&offset=50&cutoff_days=5");
        assertThat(ActivityPageResponse.of(page(10, 15, false, 30, null, null)).previous())
                .isEqualTo("?limit=10&offset=5&cutoff_days=30");
    }

    @Test
    void completedLinksNameTheOutcomeAndKind() {
        ActivityPageResponse page = ActivityPageResponse.of(page(1, 1, true, 30, "all", "all"));

        assertThat(page.next()).isEqualTo("?limit=1&offset=2&cutoff_days=30&outcome=all&kind=all");
        assertThat(page.previous()).isEqualTo("?limit=1&offset=0&cutoff_days=30&outcome=all&kind=all");
    }
}
