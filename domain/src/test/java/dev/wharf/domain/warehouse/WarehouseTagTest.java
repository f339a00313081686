package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarehouseTagTest {
    @Test
    void aTagNamesItsProjectAndTheMomentToTheMicrosecond() {
        WarehouseTag tag = WarehouseTag.of(ProjectId.of(42), Instant.parse("2026-12-02T10:15:30.123456789Z"));

        assertThat(tag.value()).isEqualTo("wharf warehouse of project 42 created 2026-12-02T10:15:30.123456Z");
        assertThat(tag.projectId()).contains(ProjectId.of(42));
    }

    @Test
    void aTagNotMadeByWharfNamesNoProject() {
        assertThat(new WarehouseTag("test warehouse").projectId()).isEmpty();
        assertThat(new WarehouseTag("wharf warehouse of project 0 created x").projectId())
                .isEmpty();
    }
}
