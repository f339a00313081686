package dev.wharf.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.bootstrap.StartupException;
import org.junit.jupiter.api.Test;

class DevCommandTest {

    @Test
    void aPortIsWrittenInAsciiDigits() {
        assertThat(DevCommand.port("WHARF_PORT", " 9000 ", 8000)).isEqualTo(9000);
        assertThat(DevCommand.port("WHARF_PORT", null, 8000)).isEqualTo(8000);
        assertThat(DevCommand.port("WHARF_PORT", "", 8000)).isEqualTo(8000);
    }

    @Test
    void otherScriptsDigitsOrAnythingElseStopTheStart() {
        for (String value : new String[] {"٩٠٠٠", "９０００", "+9000", "0", "65535", "80a", "123456"}) {
            assertThatThrownBy(() -> DevCommand.port("WHARF_PORT", value, 8000))
                    .as(value)
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("WHARF_PORT must be a port number from 1 to 65534");
        }
    }
}
