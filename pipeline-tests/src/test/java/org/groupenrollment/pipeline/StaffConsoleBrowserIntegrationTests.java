package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.events.Clients;
import org.groupenrollment.events.config.EnrollmentTopics;
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
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff console in a real browser (the system's Chromium): an admin signs in, watches
 * a seat appear on the overview without reloading, cancels a seat in a full group and
 * sees the first in line promoted, redrives a dead letter and reads the audit trail.
 * Every page is a screenshot under {@code target/browser/console} and is checked by
 * axe-core for serious accessibility faults. Skipped where no Chromium and ChromeDriver
 * are installed (CI installs them).
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleBrowserIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final Path SCREENSHOTS = Path.of("target", "browser", "console");

    private static final String PASSWORD = UUID.randomUUID().toString();

    private final HttpClient http = HttpClient.newHttpClient();

    private EmbeddedKafkaKraftBroker broker;

    private RunningPipeline pipeline;

    private Clients clients;

    private WebDriver browser;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws IOException {
        browser = SystemChromium.startOrSkip();
        broker = SingleNodeKafka.start();
        clients = new Clients(broker.getBrokersAsString(), registry.url());
        pipeline = new RunningPipeline(broker.getBrokersAsString(), registry.url(), smtp.getSmtp().getPort(),
                Files.createTempDirectory("console-browser-"))
            .start()
            .startConsole("ada", PASSWORD);
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
    void anAdminWatchesASeatAppearCancelsOneSeesThePromotionAndRedrivesADeadLetter() throws Exception {
        browser.get(pipeline.consoleUrl() + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/login"));
        page("1-sign-in");
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Overview"));
        assertThat(cell("ocd-tue", "held")).isEqualTo("0");

        submit("Wanda", "NY", "ocd");

        await("the overview refreshing itself").atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(cell("ocd-tue", "held")).isEqualTo("1"));
        page("2-overview-with-a-seat");
        for (String name : new String[] { "Xena", "Yara", "Zoe", "Abel", "Bruno", "Carla", "Dora", "Emil", "Farah",
                "Gus" }) {
            submit(name, "NJ", "ocd");
        }
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    browser.findElement(By.cssSelector("tr[data-group=ocd] [data-field=waitlist]")).getText())
                .isEqualTo("1"));

        browser.findElement(By.linkText("OCD")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/groups/ocd"));
        assertThat(browser.findElement(By.id("waitlist")).getText()).contains("Gus Example");
        page("3-group-full");
        browser.findElement(By.xpath("//tr[contains(., 'Wanda Example')]//button[text()='Cancel seat']")).click();
        browser.switchTo().alert().accept();

        await().atMost(Duration.ofSeconds(30))
            .until(() -> browser.findElements(By.cssSelector(".flash"))
                .stream()
                .anyMatch(flash -> flash.getText().startsWith("Seat cancelled.")));
        String seats = browser.findElement(By.id("seats")).getText();
        assertThat(seats).doesNotContain("Wanda Example").contains("Gus Example").contains("from the waitlist");
        page("4-promoted");
        browser.findElement(By.xpath("//tr[contains(., 'Gus Example')]//a[text()='History']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/places/"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("Joined the waitlist",
                "Promoted from the waitlist: seat held");
        page("5-place-history");

        try (var producer = clients.rawProducer()) {
            producer
                .send(new ProducerRecord<>(EnrollmentTopics.fromSharedConfiguration().signupsSubmitted(), "ocd",
                        "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)))
                .get();
        }
        browser.findElement(By.linkText("Dead letters")).click();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("tr[data-dead-letter]")).size() == 1;
        });
        page("6-dead-letter");
        browser.findElement(By.cssSelector("tr[data-dead-letter] input[type=checkbox]")).click();
        browser.findElement(By.xpath("//button[text()='Redrive selected']")).click();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("Redriven by ada")
                .contains("redriven 1× before");
        });
        page("7-redriven-and-failed-again");

        browser.findElement(By.linkText("Audit trail")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/audit"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("CANCELLED_PLACE", "REDROVE_DEAD_LETTER",
                "VIEWED_GROUP_PEOPLE", "VIEWED_PLACE");
        page("8-audit-trail");
    }

    /** A screenshot of the page, and no serious accessibility fault on it. */
    private void page(String name) throws IOException {
        SystemChromium.screenshot(browser, SCREENSHOTS, name);
        assertThat(SystemChromium.seriousAccessibilityViolations(browser)).as(name).isEmpty();
    }

    private String cell(String cohort, String field) {
        return browser.findElement(By.cssSelector("tr[data-cohort=" + cohort + "] [data-field=" + field + "]"))
            .getText();
    }

    private void submit(String firstName, String state, String group) throws IOException, InterruptedException {
        String body = """
                {"firstName":"%s","lastName":"Example","email":"%s@example.org","state":"%s","group":"%s"}"""
            .formatted(firstName, firstName.toLowerCase(), state, group);
        HttpResponse<String> response = http
            .send(HttpRequest.newBuilder(URI.create(pipeline.signupUrl() + "/api/signups"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(firstName).isEqualTo(202);
    }

}
