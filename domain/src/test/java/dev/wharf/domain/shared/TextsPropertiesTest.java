package dev.wharf.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class TextsPropertiesTest {

    @Property
    void aTruncatedTextIsAPrefixNoLongerThanTheLimitAndNeverEndsInsideASurrogatePair(
            @ForAll @StringLength(max = 300) String text, @ForAll @IntRange(min = 1, max = 200) int max) {
        String cut = Texts.truncate(text, max);

        assertThat(text).startsWith(cut);
        assertThat(cut.length()).isLessThanOrEqualTo(max);
        if (text.length() <= max) {
            assertThat(cut).isEqualTo(text);
        } else {
            assertThat(cut.length()).isGreaterThanOrEqualTo(max - 1);
            boolean splitsAPair = !cut.isEmpty()
                    && Character.isHighSurrogate(cut.charAt(cut.length() - 1))
                    && Character.isLowSurrogate(text.charAt(cut.length()));
            assertThat(splitsAPair).isFalse();
        }
    }

    @Example
    void aJobsLatestErrorIsCutWithoutSplittingAnEmoji() {
        String error = "x".repeat(Job.MAX_ERROR_LENGTH - 1) + "😀";
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Job job = Job.startImport(JobId.random(), ProjectId.of(1), SourceId.random(), "s", true, null, now, now)
                .recordError(error, now);

        assertThat(job.latestError()).isEqualTo("x".repeat(Job.MAX_ERROR_LENGTH - 1));
    }
}
