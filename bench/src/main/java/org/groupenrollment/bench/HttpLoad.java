package org.groupenrollment.bench;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP load: N workers, each posting signups back to back for a fixed time,
 * every latency kept. The first seconds of a window warm up (the JIT at first, caches
 * after a switch) and are not counted.
 */
final class HttpLoad {

    private HttpLoad() {
    }

    /**
     * {@code cpuPerRequest}: milliseconds of CPU per request sent in the measured window,
     * by part (see {@link CpuUse}).
     */
    record Result(int accepted, int failed, Duration measured, Latencies latencies, Map<String, Double> cpuPerRequest) {

        double perSecond() {
            return accepted / (measured.toMillis() / 1000.0);
        }

        /**
         * Several windows against one endpoint as one: requests over time, CPU weighted
         * by requests sent.
         */
        static Result pooled(List<Result> windows) {
            Latencies latencies = new Latencies();
            windows.forEach(window -> latencies.addAll(window.latencies));
            Map<String, Double> cpuPerRequest = CpuUse.pooled(windows.stream().map(Result::cpuPerRequest).toList(),
                    windows.stream().map(window -> (long) window.accepted + window.failed).toList());
            return new Result(windows.stream().mapToInt(Result::accepted).sum(),
                    windows.stream().mapToInt(Result::failed).sum(),
                    windows.stream().map(Result::measured).reduce(Duration.ZERO, Duration::plus), latencies,
                    cpuPerRequest);
        }
    }

    static Result run(String url, int workers, Duration warmUp, Duration measured, String emailPrefix,
            Map<String, Long> processes) throws Exception {
        URL target = URI.create(url).toURL();
        AtomicInteger sequence = new AtomicInteger();
        post(target, sequence, emailPrefix, System.nanoTime() + warmUp.toNanos(), workers);
        CpuUse cpu = CpuUse.start(processes);
        long end = System.nanoTime() + measured.toNanos();
        List<long[]> perWorker = post(target, sequence, emailPrefix, end, workers);
        Map<String, Double> cpuPerRequest = cpu
            .millisPer(perWorker.stream().mapToLong(samples -> samples.length).sum());
        Latencies latencies = new Latencies();
        int failed = 0;
        for (long[] samples : perWorker) {
            for (long sample : samples) {
                if (sample < 0) {
                    failed++;
                }
                else {
                    latencies.add(sample);
                }
            }
        }
        return new Result(latencies.count(), failed, measured, latencies, cpuPerRequest);
    }

    private static List<long[]> post(URL url, AtomicInteger sequence, String prefix, long endNanos, int workers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    List<Long> samples = new ArrayList<>();
                    while (System.nanoTime() < endNanos) {
                        String json = Signups.json(sequence.incrementAndGet(), prefix);
                        long start = System.nanoTime();
                        int status = JsonPost.post(url, json);
                        long took = System.nanoTime() - start;
                        samples.add(status == 202 ? took : -1);
                    }
                    return samples.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

}
