package org.groupenrollment.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.groupenrollment.eligibility.EligibilityProcessorApplication;

/**
 * An eligibility processor in a JVM of its own, from the tests' classpath, so that it can
 * be killed as a crash would: no commit, no leaving the group, its open transaction left
 * behind.
 */
final class ProcessorProcess implements AutoCloseable {

    private final Process process;

    private ProcessorProcess(Process process) {
        this.process = process;
    }

    static ProcessorProcess start(Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        EligibilityProcessorApplication.class.getName()));
        command.addAll(arguments);
        try {
            return new ProcessorProcess(
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start a processor process", ex);
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
