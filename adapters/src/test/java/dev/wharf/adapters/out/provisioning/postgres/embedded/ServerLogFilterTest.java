package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches postgres.log of what the server says: repeats from one address summed up, at most once a window. */
class ServerLogFilterTest {
    private static final String AT = "2025-01-01 10:00:00.000 UTC ";
    private final List<String> written = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final ServerLogFilter filter = new ServerLogFilter(written::add, clock, Duration.ofMinutes(1), 3);

    @Test
    void aRepeatedFailedLoginIsWrittenOnceThenSummedUpOnceAMinuteWithoutItsDetails() {
        for (int i = 0; i < 100; i++) {
            failedLogin("203.0.113.9", "intruder");
            clock.advance(Duration.ofMillis(100)); // 10 s in all
        }
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).endsWith("FATAL:  password authentication failed for user \"intruder\"");
        assertThat(written.get(1)).contains("DETAIL:");

        filter.summarizeDue();
        assertThat(written).as("not before the minute is over").hasSize(2);
        clock.advance(Duration.ofSeconds(50));
        filter.summarizeDue();
        assertThat(written).hasSize(3);
        assertThat(written.get(2))
                .contains("[wharf] 203.0.113.9 intruder@postgres FATAL:  password authentication failed for user"
                        + " \"intruder\" -- repeated 99 more times in the last 60 s");

        failedLogin("203.0.113.9", "intruder");
        assertThat(written)
                .as("still within the summary's minute: counted, not written")
                .hasSize(3);
        clock.advance(Duration.ofMinutes(1));
        filter.summarizeDue();
        assertThat(written.get(3)).contains("repeated 1 more times in the last 60 s");
        clock.advance(Duration.ofMinutes(1));
        filter.summarizeDue();
        assertThat(written).as("a quiet minute: forgotten, nothing to say").hasSize(4);
        failedLogin("203.0.113.9", "intruder");
        assertThat(written).as("written whole again").hasSize(6);
    }

    @Test
    void otherUserNamesFromOneAddressAreTheSameKindAndTheSummaryNamesTheLast() {
        for (int i = 0; i < 10; i++) {
            failedLogin("203.0.113.9", "user" + i);
        }
        failedLogin("198.51.100.1", "admin");
        filter.summarizeAll();
        assertThat(written).hasSize(5);
        assertThat(written.get(2)).contains("198.51.100.1").endsWith("failed for user \"admin\"");
        assertThat(written.get(4))
                .contains("for user \"user0\" -- repeated 9 more times")
                .contains("9 of them with other values, the last: password authentication failed for user \"user9\"");
    }

    @Test
    void theServersOwnLinesAreWrittenAndContinuationsOfAWrittenEntryToo() {
        written("LOG:  database system is ready to accept connections");
        filter.line(AT + "[7] 127.0.0.1 wh_a@a ERROR:  syntax error at or near \"selec\"");
        filter.line(AT + "[7] 127.0.0.1 wh_a@a STATEMENT:  selec 1,");
        filter.line("\t2");
        assertThat(written).hasSize(4);
        filter.line(AT + "[7] 127.0.0.1 wh_a@a ERROR:  syntax error at or near \"x\"");
        filter.line(AT + "[7] 127.0.0.1 wh_a@a STATEMENT:  x");
        filter.line("\tmore");
        assertThat(written).hasSize(4);
    }

    @Test
    void beyondTheKindsFollowedEntriesAreCountedTogether() {
        for (int i = 0; i < 20; i++) {
            failedLogin("203.0.113." + i, "x");
        }
        assertThat(written).as("three kinds, each line and its DETAIL").hasSize(6);
        filter.summarizeAll();
        assertThat(written).hasSize(7);
        assertThat(written.get(6)).contains("LOG:  17 entries left out in the last 1 s: more than 3 kinds at once");
    }

    private void written(String entry) {
        filter.line(AT + "[1] " + entry);
    }

    private void failedLogin(String address, String user) {
        filter.line(AT + "[42] " + address + " " + user + "@postgres FATAL:  password authentication failed for user \""
                + user + "\"");
        filter.line(AT + "[42] " + address + " " + user + "@postgres DETAIL:  Role \"" + user + "\" does not exist.");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
