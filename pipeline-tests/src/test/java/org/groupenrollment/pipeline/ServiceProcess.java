package org.groupenrollment.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service in a JVM of its own, from the tests' classpath, so that it can be killed as a
 * crash would: no commit, no leaving the group, whatever it had not yet made durable
 * lost.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    static ServiceProcess start(Class<?> application, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        application.getName()));
        command.addAll(arguments);
        try {
            return new ServiceProcess(
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + application.getSimpleName(), ex);
        }
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

}
