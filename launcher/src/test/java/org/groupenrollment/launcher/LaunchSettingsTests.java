package org.groupenrollment.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchSettingsTests {

    @Test
    void theDefaultPortsDoNotClash() {
        assertThat(Ports.DEFAULTS.values()).doesNotHaveDuplicates();
    }

    @Test
    void anOffsetMovesEveryPortAndAFlagSetsOne() {
        LaunchSettings settings = LaunchSettings.parse(new String[] { "--port-offset=100", "--smtp-port=2525" });

        assertThat(settings.ports().of("signup")).isEqualTo(8180);
        assertThat(settings.ports().of("kafka")).isEqualTo(9192);
        assertThat(settings.ports().of("smtp")).isEqualTo(2525);
    }

    @Test
    void theDataFolderDefaultsToDataUnderHome() {
        LaunchSettings settings = LaunchSettings.parse(new String[] { "--home=/srv/pipeline", "--reset", "--demo" });

        assertThat(settings.dataDir()).hasToString("/srv/pipeline/data");
        assertThat(settings.reset()).isTrue();
        assertThat(settings.demo()).isTrue();
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> LaunchSettings.parse(new String[] { "--turbo" })).isInstanceOf(LaunchException.class)
            .hasMessageContaining("Unknown option --turbo")
            .hasMessageContaining("--port-offset=N");
    }

}
