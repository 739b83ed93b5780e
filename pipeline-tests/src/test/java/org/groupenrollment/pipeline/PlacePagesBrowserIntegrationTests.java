package org.groupenrollment.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The form and the "your place" page in a real browser (the system's Chromium, driven by
 * Selenium): a person signs up, opens the link in their email, confirms, then cancels,
 * each step a screenshot under {@code target/browser} and checked by axe-core for serious
 * accessibility faults; and the API's description working in Swagger UI under the
 * service's content security policy. Skipped where no Chromium and ChromeDriver are
 * installed (CI installs them).
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacePagesBrowserIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private WebDriver browser;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws IOException {
        browser = SystemChromium.startOrSkip();
        broker = SingleNodeKafka.start();
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(),
                Files.createTempDirectory("browser-"))
            .start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aPersonSignsUpOpensTheLinkInTheirEmailConfirmsAndThenCancels() throws Exception {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        browser.get(pipeline.signupUrl() + "/");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Our groups and when they meet")
            .contains("Tuesdays at 8:00 PM (America/New_York), 90 minutes");
        browser.findElement(By.id("firstName")).sendKeys("Imogen");
        browser.findElement(By.id("lastName")).sendKeys("Okoro");
        browser.findElement(By.id("email")).sendKeys(email);
        new Select(browser.findElement(By.id("state"))).selectByValue("NJ");
        new Select(browser.findElement(By.id("group"))).selectByValue("ocd");
        screenshot("1-form");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // The form's page stays until the answer comes: its heading, looked at meanwhile,
        // is the old page's.
        await().atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Thank you, we have your signup"));
        screenshot("2-submitted");

        String link = placeLinkIn(awaitEmail(email, "Please confirm your group place"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.get(link);
            assertThat(heading()).isEqualTo("We are holding seat 1 for you");
        });
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Please confirm it by")
            .doesNotContain("Imogen")
            .doesNotContain(email);
        screenshot("3-held");

        browser.findElement(By.xpath("//button[text()='Confirm my place']")).click();
        awaitPageAt("done=confirmed");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("your place is confirmed");
        assertThat(heading()).isEqualTo("Your place is confirmed");
        screenshot("4-confirmed");
        awaitEmail(email, "Your group place is confirmed");

        browser.findElement(By.linkText("Cancel my place")).click();
        awaitPageAt("ask=cancel");
        assertThat(browser.findElement(By.cssSelector(".ask h2")).getText()).isEqualTo("Cancel your place?");
        screenshot("5-cancel-asked");
        browser.findElement(By.xpath("//button[text()='Yes, cancel my place']")).click();
        awaitPageAt("done=cancelled");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Your place is cancelled");
        assertThat(heading()).isEqualTo("You cancelled this place");
        screenshot("6-cancelled");
        awaitEmail(email, "Your group place is cancelled");
    }

    @Test
    void theApiDescriptionOpensInSwaggerUiUnderTheServicesContentSecurityPolicy() throws Exception {
        browser.get(pipeline.signupUrl() + "/swagger-ui/index.html");

        await().atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
                .startsWith("Group enrollment API"));
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
            .extracting(path -> path.getText().replace("\u200b", ""))
            .containsExactlyInAnyOrder("/api/signups", "/api/signups/{signupId}", "/api/places/{token}/{action}",
                    "/api/places/{token}");
        SystemChromium.screenshot(browser, SCREENSHOTS, "api-description");
    }

    /** A click navigates; the next look must be at the page it led to. */
    private void awaitPageAt(String addressPart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains(addressPart));
    }

    private String heading() {
        return browser.findElement(By.cssSelector(".status h2")).getText();
    }

    /** The email's link, on this test's own signup service. */
    private String placeLinkIn(MimeMessage email) {
        String token = Emails.placeToken(email);
        assertThat(token).as("a link to the place's page").isNotNull();
        return pipeline.signupUrl() + PlaceLinks.PATH + token;
    }

    private static MimeMessage awaitEmail(String to, String subject) {
        return await().atMost(Duration.ofSeconds(60))
            .until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Emails.recipient(message).equals(to) && Emails.subject(message).equals(subject))
                .findFirst()
                .orElse(null), found -> found != null);
    }

    /** A screenshot of the page, and no serious accessibility fault on it. */
    private void screenshot(String name) throws IOException {
        SystemChromium.screenshot(browser, SCREENSHOTS, name);
        assertThat(SystemChromium.seriousAccessibilityViolations(browser)).as(name).isEmpty();
    }

}
