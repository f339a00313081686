package dev.wharf.domain.job;

import static dev.wharf.domain.job.Jobs.PROJECT;
import static dev.wharf.domain.job.Jobs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void deletingIsSoftAndHappensOnce() {
        Source source = Source.create(SourceId.random(), PROJECT, "Stripe", "stripe_", START);

        Source deleted = source.delete(START.plusSeconds(10));

        assertThat(source.isDeleted()).isFalse();
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.deletedAt()).isEqualTo(START.plusSeconds(10));
        assertThat(deleted.delete(START.plusSeconds(20))).isSameAs(deleted);
    }

    @Test
    void aSourceNeedsABoundedTypeAndPrefix() {
        assertThatThrownBy(() -> Source.create(SourceId.random(), PROJECT, " ", null, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("source_type is required");
        assertThatThrownBy(() -> Source.create(SourceId.random(), PROJECT, "t".repeat(65), null, START))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> Source.create(SourceId.random(), PROJECT, "Stripe", "p".repeat(101), START))
                .isInstanceOf(RuleViolationException.class);
        assertThat(Source.create(SourceId.random(), PROJECT, "t".repeat(64), "p".repeat(100), START))
                .isNotNull();
    }

    @Test
    void aNewSourcesTypeAndPrefixHoldNoControlCharactersButAStoredOneStillLoads() {
        assertThatThrownBy(() -> Source.create(SourceId.random(), PROJECT, "Str\u0000ipe", null, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("source_type must not contain control characters");
        assertThatThrownBy(() -> Source.create(SourceId.random(), PROJECT, "Stripe", "p\u007f", START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("prefix must not contain control characters");
        assertThat(new Source(SourceId.random(), PROJECT, "Str\u0001ipe", null, START, null).sourceType())
                .isEqualTo("Str\u0001ipe");
    }
}
