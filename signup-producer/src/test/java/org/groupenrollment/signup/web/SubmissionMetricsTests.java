package org.groupenrollment.signup.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.status.OutcomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Every submission counted by what became of it, refusals by their reason. */
@WebMvcTest(controllers = SignupApiController.class,
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "enrollment.web.rate-limit.submissions=2" })
@Import({ SignupService.class, OutcomeView.class, WebSecurity.class, JsonInput.class,
        SignupApiControllerTests.Doubles.class, SubmissionMetricsTests.Registry.class })
class SubmissionMetricsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    RecordingPublisher publisher;

    @Test
    void acceptedInvalidRateLimitedAndUnavailableSubmissionsAreEachCounted() {
        post(SignupApiControllerTests.NEW_YORK_ANXIETY.replace("NY", "ZZ"));
        post(SignupApiControllerTests.NEW_YORK_ANXIETY);
        post(SignupApiControllerTests.NEW_YORK_ANXIETY);

        assertThat(count("accepted", "none")).isEqualTo(1);
        assertThat(count("refused", "invalid")).isEqualTo(1);
        assertThat(count("refused", "rate_limited")).isEqualTo(1);
        assertThat(SubmissionMetrics.reason(503)).isEqualTo("unavailable");
        assertThat(publisher.published).hasSize(1);
    }

    private void post(String json) {
        mvc.post().uri("/api/signups").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private double count(String outcome, String reason) {
        return metrics.counter(SubmissionMetrics.SIGNUPS, "outcome", outcome, "reason", reason).count();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

    }

}
