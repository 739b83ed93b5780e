package org.groupenrollment.signup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.groupenrollment.signup.SignupProducerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit on the real server, three submissions an hour for the test: the API and the
 * form share one client's allowance, and what is refused is never read or published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        classes = { SignupProducerApplication.class, HostileRequestsTests.InPlaceOfKafka.class },
        properties = { "spring.config.name=" + SignupProducerApplication.CONFIG_NAME,
                "spring.kafka.listener.auto-startup=false", "enrollment.web.rate-limit.submissions=3",
                "enrollment.web.rate-limit.per=1h",
                "enrollment.secrets.hmac-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
class SubmissionRateLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordingPublisher publisher;

    @Test
    void onceAnAddressHasUsedItsSubmissionsTheApiAndTheFormRefuseItWith429AndRetryAfter() throws IOException {
        RawHttp http = new RawHttp(port);
        for (int i = 0; i < 3; i++) {
            assertThat(postSignup(http, "key-" + i).status()).isEqualTo(202);
        }

        var api = postSignup(http, "key-3");
        var form = http.sendWithBody(
                "POST /signups HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n",
                "firstName=Maya".getBytes(StandardCharsets.US_ASCII));

        assertThat(api.status()).isEqualTo(429);
        assertThat(api.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // One submission comes back every 20 minutes.
        assertThat(Long.parseLong(api.header("Retry-After"))).isBetween(1L, 1200L);
        assertThat(form.status()).isEqualTo(429);
        assertThat(form.header("Content-Type")).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(form.body()).contains("Please wait a few minutes").contains("href=\"/\"");
        assertThat(form.header("Retry-After")).isNotBlank();
        assertThat(publisher.published).hasSize(3);
        assertThat(http.send("GET / HTTP/1.1\r\n").status()).as("pages are not limited").isEqualTo(200);
    }

    @Test
    void anIpv6ClientCountsPerSlash64AndAnIpv4ClientPerAddress() {
        assertThat(SubmissionRateLimit.client("2001:db8:1:2:aaaa::1"))
            .isEqualTo(SubmissionRateLimit.client("2001:db8:1:2:bbbb:cccc:dddd:2"))
            .isNotEqualTo(SubmissionRateLimit.client("2001:db8:1:3::1"));
        assertThat(SubmissionRateLimit.client("192.0.2.1")).isNotEqualTo(SubmissionRateLimit.client("192.0.2.2"));
    }

    private static RawHttp.Response postSignup(RawHttp http, String key) throws IOException {
        return http.sendWithBody(
                "POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\n",
                SignupApiControllerTests.NEW_YORK_ANXIETY.getBytes(StandardCharsets.UTF_8));
    }

}
