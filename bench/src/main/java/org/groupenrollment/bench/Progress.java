package org.groupenrollment.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress lines on the terminal while a run goes, stamped with the time since it began.
 */
final class Progress {

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private final Instant begin = Instant.now();

    void say(String scenario, String format, Object... args) {
        out.printf("[%6.1fs] %-8s %s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0, scenario,
                String.format(format, args));
    }

    PrintStream out() {
        return out;
    }

}
