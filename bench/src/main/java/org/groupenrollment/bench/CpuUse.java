package org.groupenrollment.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

/**
 * Where the CPU of a measured window went: each child process as a whole, and this JVM
 * split into the broker's request threads and the rest (load generators, SMTP server, the
 * broker's background threads, GC). Every part competes for the same cores, so a ratio
 * between two runs is explained by the part that costs more per event.
 */
final class CpuUse {

    private static final String BROKER = "broker: request threads";

    private static final String BENCH_REST = "bench JVM: load, SMTP, GC";

    /** Kafka's network and request-handler threads: the broker's per-request work. */
    private static final String BROKER_THREAD_PREFIX = "data-plane-kafka-";

    private final Map<String, Long> processes;

    private final Map<String, Long> startNanos;

    private CpuUse(Map<String, Long> processes) {
        this.processes = processes;
        this.startNanos = nanosNow();
    }

    /** Starts a window over these child processes (name to pid) and this JVM. */
    static CpuUse start(Map<String, Long> processes) {
        return new CpuUse(Map.copyOf(processes));
    }

    /** Milliseconds of CPU per event since the start, by part, largest first. */
    Map<String, Double> millisPer(long events) {
        Map<String, Double> millis = new LinkedHashMap<>();
        nanosNow().forEach((part, nanos) -> millis.put(part, (nanos - startNanos.getOrDefault(part, 0L)) / 1e6));
        return dividedLargestFirst(millis, events);
    }

    /**
     * Several windows' CPU per event as one: each window weighted by its number of
     * events.
     */
    static Map<String, Double> pooled(List<Map<String, Double>> millisPerEvent, List<Long> events) {
        Map<String, Double> millis = new LinkedHashMap<>();
        long allEvents = 0;
        for (int i = 0; i < millisPerEvent.size(); i++) {
            long windowEvents = events.get(i);
            allEvents += windowEvents;
            millisPerEvent.get(i).forEach((part, perEvent) -> millis.merge(part, perEvent * windowEvents, Double::sum));
        }
        return dividedLargestFirst(millis, allEvents);
    }

    private static Map<String, Double> dividedLargestFirst(Map<String, Double> millis, long events) {
        return millis.entrySet()
            .stream()
            .map(part -> Map.entry(part.getKey(), part.getValue() / Math.max(1, events)))
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String describe(Map<String, Double> millisPerEvent) {
        return millisPerEvent.entrySet()
            .stream()
            .map(part -> String.format("%s %.2f", part.getKey(), part.getValue()))
            .collect(Collectors.joining(", ")) + String.format(" (total %.2f ms)", total(millisPerEvent));
    }

    /**
     * One figure per part that cost a noticeable share, and the total, in milliseconds
     * per event.
     */
    static List<Figure> figures(String scenario, String label, Map<String, Double> millisPerEvent) {
        List<Figure> figures = new ArrayList<>();
        millisPerEvent.forEach((part, millis) -> {
            if (millis >= 0.02) {
                figures.add(Figure.alone(scenario, label + ": " + part, millis, "ms"));
            }
        });
        figures.add(Figure.alone(scenario, label + ": total", total(millisPerEvent), "ms"));
        return figures;
    }

    static double total(Map<String, Double> millisPerEvent) {
        return millisPerEvent.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private Map<String, Long> nanosNow() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        processes.forEach((name, pid) -> nanos.put(name,
                ProcessHandle.of(pid)
                    .flatMap(handle -> handle.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(0L)));
        long broker = brokerThreadNanos();
        long ownProcess = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        nanos.put(BROKER, broker);
        // The whole process, so threads that ended within the window (load generators)
        // still count.
        nanos.put(BENCH_REST, ownProcess - broker);
        return nanos;
    }

    private static long brokerThreadNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(BROKER_THREAD_PREFIX)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

}
