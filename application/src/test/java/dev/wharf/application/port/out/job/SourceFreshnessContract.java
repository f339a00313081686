package dev.wharf.application.port.out.job;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.job.Freshness;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A source's freshness as the store keeps it, and which sources' freshness subscribers are still to be told. */
public abstract class SourceFreshnessContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);

    @BeforeEach
    void givenAProject() {
        store.givenProject(1);
    }

    private Source source(String type, String freshness) {
        Source source = Source.create(SourceId.random(), PROJECT, type, null, T0);
        store.sources().insert(source);
        Source windowed = source.withFreshness(freshness == null ? null : Freshness.parse(freshness));
        store.sources().saveFreshness(windowed);
        return windowed;
    }

    @Test
    void theWindowLastSyncAndWhatWasToldReadBackAndAnUpdateKeepsThem() {
        Source stripe = source("Stripe", "6h");
        Source synced = stripe.synced(T0.plus(Duration.ofHours(1))).freshnessTold(true);
        store.sources().saveFreshness(synced);
        store.sources().update(synced.delete(T0.plus(Duration.ofHours(2))));

        Source read = store.sources().findByIdForUpdate(PROJECT, stripe.id()).orElseThrow();
        assertThat(read.freshness()).isEqualTo(Freshness.parse("6h"));
        assertThat(read.lastSyncedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(read.freshnessMissed()).isTrue();
        assertThat(read.deletedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void theSourcesToTellAreTheLateNotToldAndTheToldFreshAgainSoonestFirst() {
        Source hourly = source("Hourly", "1h");
        Source daily = source("Daily", "1d");
        source("Never", null);
        Instant twoHours = T0.plus(Duration.ofHours(2));

        assertThat(store.sources().freshnessToTell(T0.plus(Duration.ofMinutes(59)), 10))
                .isEmpty();
        assertThat(store.sources().freshnessToTell(twoHours, 10))
                .extracting(Source::id)
                .containsExactly(hourly.id());
        assertThat(store.sources().freshnessToTell(T0.plus(Duration.ofDays(2)), 10))
                .extracting(Source::id)
                .containsExactly(hourly.id(), daily.id());

        assertThat(store.sources().markFreshnessTold(hourly.id(), true)).isTrue();
        assertThat(store.sources().markFreshnessTold(hourly.id(), true))
                .as("told once")
                .isFalse();
        assertThat(store.sources().freshnessToTell(twoHours, 10)).isEmpty();

        store.sources()
                .saveFreshness(store.sources()
                        .findByIdForUpdate(PROJECT, hourly.id())
                        .orElseThrow()
                        .synced(twoHours));
        assertThat(store.sources().freshnessToTell(twoHours.plusSeconds(1), 10))
                .as("fresh again, told late: to tell")
                .extracting(Source::id)
                .containsExactly(hourly.id());
    }

    @Test
    void aDeletedSourceIsNeverToTell() {
        Source hourly = source("Hourly", "1h");
        store.sources().update(hourly.delete(T0));

        assertThat(store.sources().freshnessToTell(T0.plus(Duration.ofDays(1)), 10))
                .isEmpty();
    }
}
