package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./run-pipeline}: the whole pipeline on this machine, on real components, until
 * Ctrl-C. Keeps {@code main} thin: parse, start, print, wait.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Console console = new Console();
        LaunchSettings settings;
        try {
            settings = LaunchSettings.parse(args);
        }
        catch (LaunchException ex) {
            console.failed(ex.getMessage());
            System.exit(2);
            return;
        }
        if (settings.help()) {
            console.info(LaunchSettings.USAGE);
            return;
        }
        int exit = run(settings, console);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(LaunchSettings settings, Console console) {
        Instant begin = Instant.now();
        Pipeline pipeline = new Pipeline(settings, console);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.info("\nStopping...");
            pipeline.close();
            console.info("Stopped. Data kept in " + settings.dataDir());
            stopped.countDown();
        }, "pipeline-shutdown"));
        try {
            settings.ports().requireFree();
            prepareDataDir(settings, console);
            System.setProperty("launcher.log.dir", settings.dataDir().resolve("logs").toString());
            pipeline.start();
            printReady(settings, console, Duration.between(begin, Instant.now()), pipeline.staffLogin());
            if (settings.demo()) {
                runDemo(settings, console, pipeline);
            }
        }
        catch (LaunchException | UncheckedIOException ex) {
            console.failed(ex.getMessage());
            return 1;
        }
        awaitQuietly(stopped);
        return 0;
    }

    private static void prepareDataDir(LaunchSettings settings, Console console) {
        Path data = settings.dataDir();
        try {
            if (settings.reset() && Files.exists(data)) {
                console.info("Wiping " + data + " (--reset)");
                try (Stream<Path> paths = Files.walk(data)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("logs"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare the data folder " + data, ex);
        }
    }

    private static void printReady(LaunchSettings settings, Console console, Duration took, StaffLogin staff) {
        Ports ports = settings.ports();
        console.info("""

                Pipeline ready in %.1f s. Open:
                  Signup form              http://localhost:%d/
                  Inbox (emails sent)      http://localhost:%d/
                  Staff console            http://localhost:%d/
                                           sign in as %s with password %s
                                           (kept in %s)
                  Schema registry          http://localhost:%d/apis/ccompat/v7/subjects
                  Kafka bootstrap          127.0.0.1:%d
                  Health and metrics (/actuator/prometheus), on management ports:
                          signup-producer        http://localhost:%d/actuator/health
                          eligibility-processor  http://localhost:%d/actuator/health
                          notification-consumer  http://localhost:%d/actuator/health
                          staff-console          http://localhost:%d/actuator/health
                  Mail API (GreenMail)     http://localhost:%d/api/user
                Data folder: %s (kept across restarts; --reset wipes it). Logs in its logs/ folder.
                Press Ctrl-C to stop everything.""".formatted(took.toMillis() / 1000.0, ports.of("signup"),
                ports.of("inbox"), ports.of("console"), staff.username(), staff.password(), staff.passwordFile(),
                ports.of("registry"), ports.of("kafka"), ports.of("signup-management"),
                ports.of("eligibility-management"), ports.of("notification-management"), ports.of("console-management"),
                ports.of("mail-api"), settings.dataDir()));
    }

    private static void runDemo(LaunchSettings settings, Console console, Pipeline pipeline) {
        String signupUrl = "http://127.0.0.1:" + settings.ports().of("signup");
        try {
            var emails = DemoSignups.submit(signupUrl, 10, 2);
            console.info("\nDemo: submitted " + emails.size() + " signups. Within seconds the inbox shows seats held"
                    + " for confirmation (NY, FL, NJ and ten in the borderline personality group), DBT skills group"
                    + " offers (TX, CA) and two waitlist emails. The demo's people then act on their emails' links:"
                    + " most confirm (a confirmation with a calendar invite follows), " + DemoStory.CANCELS
                    + " cancels and " + DemoStory.LETS_IT_RUN_OUT + " lets the hold run out ("
                    + DemoStory.HOLD.toMinutes() + " minutes in the demo); each time the first on the waitlist gets"
                    + " \"A seat opened for you\".");
            new DemoStory(signupUrl, "http://127.0.0.1:" + settings.ports().of("mail-api"), console)
                .actInTheBackground();
            DemoStaff staff = new DemoStaff("http://127.0.0.1:" + settings.ports().of("console"), pipeline.staffLogin(),
                    pipeline.bootstrapServers(), console);
            staff.leaveADeadLetter();
            console.info("Demo: a misconfigured client wrote one signup as JSON instead of Avro; the staff console"
                    + " lists it under Dead letters, to redrive or mark resolved.");
            staff.resendInTheBackground(DemoStory.ACTING);
        }
        catch (IOException | InterruptedException ex) {
            throw new LaunchException("The demo could not submit its signups: " + ex.getMessage(), ex);
        }
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
