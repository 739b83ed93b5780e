package org.groupenrollment.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the person at the terminal reads: one line per step, and the URLs when all is up.
 */
final class Console {

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    void starting(String component) {
        out.printf("  ... starting %s%n", component);
    }

    void ready(String component, Duration took) {
        out.printf("  ok  %s ready in %.1f s%n", component, took.toMillis() / 1000.0);
    }

    void info(String line) {
        out.println(line);
    }

    void failed(String what) {
        out.println();
        out.println("FAILED: " + what);
    }

}
