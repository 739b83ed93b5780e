package org.groupenrollment.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A console nobody could sign in to, or with a password where a hash belongs, stops at
 * start-up.
 */
class MisconfigurationTests {

    @Test
    void withNeitherLocalUsersNorAnIdentityProviderTheConsoleRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> start()).hasStackTraceContaining("No staff can sign in")
            .hasStackTraceContaining("enrollment.console.users");
    }

    @Test
    void aPasswordWhereTheHashBelongsStopsTheConsole() {
        assertThatThrownBy(() -> start("--enrollment.console.users[0].username=jordan",
                "--enrollment.console.users[0].password-hash=correct horse battery staple",
                "--enrollment.console.users[0].roles=STAFF"))
            .hasStackTraceContaining("must be a bcrypt hash");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--management.server.port=0";
        all[2] = "--spring.kafka.listener.auto-startup=false";
        all[3] = "--spring.kafka.admin.fail-fast=false";
        System.arraycopy(args, 0, all, 4, args.length);
        StaffConsoleApplication.application().run(all).close();
    }

}
