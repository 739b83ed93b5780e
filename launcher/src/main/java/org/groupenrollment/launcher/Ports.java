package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the pipeline listens on. The defaults do not clash with each other; all of
 * them move together with {@code --port-offset=N}, and each can be set with
 * {@code --<name>-port=N}.
 */
public final class Ports {

    static final Map<String, Integer> DEFAULTS = defaults();

    private final Map<String, Integer> ports;

    private Ports(Map<String, Integer> ports) {
        this.ports = ports;
    }

    static Ports from(int offset, Map<String, Integer> overrides) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULTS.forEach((name, port) -> ports.put(name, overrides.getOrDefault(name, port + offset)));
        return new Ports(ports);
    }

    int of(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No port named " + name);
        }
        return port;
    }

    /** Fails with the flag to change when a port is taken, before anything is started. */
    void requireFree() {
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                throw new LaunchException("Port " + port + " (" + name
                        + ") is already in use. Stop what uses it, or choose another port with --" + name
                        + "-port=N or move all ports with --port-offset=N.");
            }
        });
    }

    /** Whether nothing listens on {@code port} on the loopback interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
            return true;
        }
        catch (IOException inUse) {
            return false;
        }
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("signup", 8080);
        ports.put("registry", 8081);
        ports.put("eligibility", 8082);
        ports.put("notification", 8083);
        ports.put("console", 8084);
        // Each service's management endpoints (health, metrics), on ports of their own.
        ports.put("signup-management", 8180);
        ports.put("eligibility-management", 8182);
        ports.put("notification-management", 8183);
        ports.put("console-management", 8184);
        ports.put("inbox", 8025);
        ports.put("mail-api", 8026);
        ports.put("smtp", 3025);
        ports.put("kafka", 9092);
        ports.put("kafka-controller", 9093);
        return ports;
    }

}
