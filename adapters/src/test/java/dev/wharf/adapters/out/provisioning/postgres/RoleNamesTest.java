package dev.wharf.adapters.out.provisioning.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.warehouse.DatabaseName;
import org.junit.jupiter.api.Test;

class RoleNamesTest {
    @Test
    void aShortNameKeepsItsShapeWithHyphensAsUnderscores() {
        assertThat(RoleNames.roleFor("wh_", new DatabaseName("sales-eu-2")).value())
                .isEqualTo("wh_sales_eu_2");
    }

    @Test
    void aLongNameIsShortenedToExactly63CharactersDeterministically() {
        DatabaseName name = new DatabaseName("a" + "b".repeat(61) + "c");
        String role = RoleNames.roleFor("wh_", name).value();

        assertThat(role).hasSize(63).startsWith("wh_abbb").matches(".*_[0-9a-f]{16}");
        assertThat(RoleNames.roleFor("wh_", name).value()).isEqualTo(role);
        assertThat(RoleNames.roleFor("wh_", new DatabaseName("a" + "b".repeat(61) + "d"))
                        .value())
                .isNotEqualTo(role);
    }

    @Test
    void plainNamesStopAt62CharactersSoTheyNeverMeetAShortenedOne() {
        String plain =
                RoleNames.roleFor("wh_", new DatabaseName("a" + "b".repeat(58))).value();
        String shortened =
                RoleNames.roleFor("wh_", new DatabaseName("a" + "b".repeat(59))).value();

        assertThat(plain).hasSize(62).doesNotContain("_b");
        assertThat(shortened).hasSize(63);
    }

    @Test
    void quotingDoublesEmbeddedQuotes() {
        assertThat(Sql.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    }
}
