package org.groupenrollment.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The command line, parsed. */
record LaunchSettings(Path home, Path dataDir, Ports ports, boolean reset, boolean demo, boolean help) {

    static final String USAGE = """
            Usage: ./run-pipeline [options]

              --data-dir=DIR      where all state lives (default: ./data); kept across restarts
              --reset             wipe the data folder first: reserved seats, topics and sent emails are forgotten
              --demo              submit a handful of realistic signups once the pipeline is up
              --port-offset=N     add N to every default port
              --NAME-port=P       set one port; NAME is one of: signup, registry, eligibility, notification,
                                  console, inbox, mail-api, smtp, kafka, kafka-controller, and the
                                  services' management ports: signup-management, eligibility-management,
                                  notification-management, console-management
              --no-build          skip the Maven build (run-pipeline only)
              --help              this text
            """;

    static LaunchSettings parse(String[] args) {
        Path home = Path.of(".").toAbsolutePath().normalize();
        Path dataDir = null;
        boolean reset = false;
        boolean demo = false;
        boolean help = false;
        int offset = 0;
        Map<String, Integer> overrides = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(value(arg)).toAbsolutePath().normalize();
            }
            else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg)).toAbsolutePath().normalize();
            }
            else if (arg.startsWith("--port-offset=")) {
                offset = number(arg);
            }
            else if (arg.matches("--[a-z-]+-port=.*")
                    && Ports.DEFAULTS.containsKey(arg.substring(2, arg.indexOf("-port=")))) {
                overrides.put(arg.substring(2, arg.indexOf("-port=")), number(arg));
            }
            else if (arg.equals("--reset")) {
                reset = true;
            }
            else if (arg.equals("--demo")) {
                demo = true;
            }
            else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            }
            else if (!arg.equals("--no-build")) {
                throw new LaunchException("Unknown option " + arg + "\n\n" + USAGE);
            }
        }
        return new LaunchSettings(home, dataDir == null ? home.resolve("data") : dataDir, Ports.from(offset, overrides),
                reset, demo, help);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int number(String arg) {
        try {
            return Integer.parseInt(value(arg));
        }
        catch (NumberFormatException ex) {
            throw new LaunchException("Expected a number in " + arg);
        }
    }
}
