package org.groupenrollment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Alternating rounds are reported as one figure per side: these are the sums behind it.
 */
class PooledWindowsTests {

    @Test
    void cpuPerEventWeighsEachWindowByItsEvents() {
        Map<String, Double> pooled = CpuUse
            .pooled(List.of(Map.of("service", 1.0, "broker", 0.5), Map.of("service", 2.0)), List.of(100L, 300L));

        assertThat(pooled.get("service")).isCloseTo((100 * 1.0 + 300 * 2.0) / 400, within(1e-9));
        assertThat(pooled.get("broker")).isCloseTo(100 * 0.5 / 400, within(1e-9));
        assertThat(pooled.keySet()).as("largest share first").containsExactly("service", "broker");
    }

    @Test
    void httpRateIsEveryAcceptedRequestOverAllMeasuredTime() {
        HttpLoad.Result fastWindow = httpWindow(300, 0, Duration.ofSeconds(1), 0.5);
        HttpLoad.Result slowWindow = httpWindow(100, 2, Duration.ofSeconds(1), 1.5);

        HttpLoad.Result pooled = HttpLoad.Result.pooled(List.of(fastWindow, slowWindow));

        assertThat(pooled.perSecond()).isCloseTo(200, within(1e-9));
        assertThat(pooled.failed()).isEqualTo(2);
        assertThat(pooled.latencies().count()).isEqualTo(400);
        assertThat(pooled.cpuPerRequest().get("service")).isCloseTo((300 * 0.5 + 102 * 1.5) / 402, within(1e-9));
    }

    @Test
    void emailRateIsEveryEmailOverAllTheTimeTheyTook() {
        Email.Window pooled = Email.Window.pooled(List.of(new Email.Window(1_000, 10, Map.of("notifier", 1.0)),
                new Email.Window(1_000, 5, Map.of("notifier", 2.0))));

        assertThat(pooled.perSecond()).isCloseTo(2_000 / 15.0, within(1e-9));
        assertThat(pooled.cpuPerEmail().get("notifier")).isCloseTo(1.5, within(1e-9));
    }

    private static HttpLoad.Result httpWindow(int accepted, int failed, Duration measured, double serviceCpuMillis) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < accepted; i++) {
            latencies.add(1_000_000L + i);
        }
        return new HttpLoad.Result(accepted, failed, measured, latencies, Map.of("service", serviceCpuMillis));
    }

}
