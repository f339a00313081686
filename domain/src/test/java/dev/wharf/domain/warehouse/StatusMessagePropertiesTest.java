package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StatusMessagePropertiesTest {
    private static final int MAX = StatusMessage.MAX_LENGTH;

    @Property
    void plainMessagesAreKeptUpToTheLimitAndCutToItBeyond(@ForAll @IntRange(min = 0, max = 4000) int length) {
        String message = "x".repeat(length);

        String bounded = StatusMessage.bounded(message);

        assertThat(bounded).hasSize(Math.min(length, MAX));
        assertThat(message).startsWith(bounded);
    }

    @Property(tries = 2000)
    void aCutMessageIsAPrefixOfAtMostTheLimitAndNeverSplitsASurrogatePair(@ForAll("withEmoji") String message) {
        String bounded = StatusMessage.bounded(message);

        assertThat(message).startsWith(bounded);
        assertThat(bounded.length()).isLessThanOrEqualTo(MAX);
        if (message.length() <= MAX) {
            assertThat(bounded).isEqualTo(message);
        } else {
            assertThat(bounded.length()).isGreaterThanOrEqualTo(MAX - 1);
            char lastKept = bounded.charAt(bounded.length() - 1);
            char firstDropped = message.charAt(bounded.length());
            assertThat(Character.isHighSurrogate(lastKept) && Character.isLowSurrogate(firstDropped))
                    .as("cut between the two halves of a surrogate pair")
                    .isFalse();
        }
    }

    @Property(tries = 500)
    void theWarehouseBoundsEveryMessageItIsGiven(@ForAll("withEmoji") String message) {
        Warehouse progressed =
                Warehouses.inState(WarehouseState.PROVISIONING).reportProgress(message, Warehouses.minutes(30));

        assertThat(progressed.statusMessage()).isEqualTo(StatusMessage.bounded(message));
    }

    @Property(tries = 50)
    void aPairAcrossTheLimitIsDroppedWhole(@ForAll @IntRange(min = 1, max = 40) int pairs) {
        String message = "a".repeat(MAX - 1) + "\uD83D\uDE00".repeat(pairs);

        assertThat(StatusMessage.bounded(message)).isEqualTo("a".repeat(MAX - 1));
    }

    @Property(tries = 50)
    void aPairEndingExactlyAtTheLimitIsKept(@ForAll @IntRange(min = 1, max = 40) int extra) {
        String message = "a".repeat(MAX - 2) + "\uD83D\uDE00" + "b".repeat(extra);

        assertThat(StatusMessage.bounded(message)).isEqualTo("a".repeat(MAX - 2) + "\uD83D\uDE00");
    }

    @Property(tries = 1)
    void aMissingMessageBecomesEmpty() {
        assertThat(StatusMessage.bounded(null)).isEmpty();
    }

    /** Strings around the limit mixing one-unit characters with two-unit emoji, so pairs straddle the cut. */
    @Provide
    Arbitrary<String> withEmoji() {
        Arbitrary<String> unit = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.of("\uD83D\uDE00", "\uD83D\uDCA9", "\uD834\uDD1E"));
        return unit.list()
                .ofMinSize(0)
                .ofMaxSize(1100)
                .map(units -> String.join("", units))
                .edgeCases(edges -> edges.add("a".repeat(MAX - 1) + "\uD83D\uDE00"));
    }
}
