package org.groupenrollment.console.security;

import org.groupenrollment.console.ConsoleDoubles;
import org.groupenrollment.console.StaffConsoleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(properties = { "spring.config.name=" + StaffConsoleApplication.CONFIG_NAME,
        "enrollment.console.sign-in-limit.attempts=3" })
@Import({ StaffSecurity.class, ConsoleDoubles.class })
class SignInRateLimitTests {

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        ConsoleDoubles.users(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void beyondItsAttemptsAnAddressGets429EvenWithTheRightPasswordAndOtherAddressesDoNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("10.0.0.7", "a guess")).hasStatus(302).redirectedUrl().isEqualTo("/login?error");
        }

        MvcTestResult refused = signIn("10.0.0.7", ConsoleDoubles.PASSWORD);

        assertThat(refused).hasStatus(429).hasContentType("application/problem+json");
        assertThat(refused).headers().containsHeader("Retry-After");
        assertThat(signIn("10.0.0.8", ConsoleDoubles.PASSWORD)).hasStatus(302).redirectedUrl().isEqualTo("/");
    }

    private MvcTestResult signIn(String address, String password) {
        return mvc.post()
            .uri("/login")
            .param("username", ConsoleDoubles.STAFF)
            .param("password", password)
            .with(csrf())
            .with(from(address))
            .exchange();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

}
