package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groupenrollment.console.StaffConsoleApplication;
import org.groupenrollment.pipeline.idp.TestIdentityProvider;
import org.groupenrollment.testsupport.SchemaRegistryExtension;
import org.groupenrollment.testsupport.SchemaRegistryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with no local users, signing staff in through a real OpenID Connect
 * provider (Spring Authorization Server) started here: someone the provider gives the
 * ADMIN role reaches the console as an admin, named by their subject; someone it gives no
 * console role signs in and is refused every page.
 */
@ExtendWith(SchemaRegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsoleSignInIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private EmbeddedKafkaKraftBroker broker;

    private ConfigurableApplicationContext identityProvider;

    private ConfigurableApplicationContext console;

    private String consoleUrl;

    @BeforeAll
    void start(SchemaRegistryProcess registry) throws IOException {
        broker = SingleNodeKafka.start();
        int consolePort = freePort();
        // The provider on "localhost", the console on "127.0.0.1": a browser keeps their
        // session cookies apart by host, not by port.
        consoleUrl = "http://127.0.0.1:" + consolePort;
        identityProvider = TestIdentityProvider.start(consoleUrl + "/login/oauth2/code/idp");
        String issuer = "http://localhost:" + identityProvider.getEnvironment().getProperty("local.server.port");
        String registration = "--spring.security.oauth2.client.registration.idp.";
        console = StaffConsoleApplication.application()
            .run("--server.port=" + consolePort, "--server.address=127.0.0.1", "--management.server.port=0",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                    "--enrollment.data-dir=" + Files.createTempDirectory("console-sign-in-"),
                    registration + "client-id=" + TestIdentityProvider.CLIENT_ID,
                    registration + "client-secret=" + TestIdentityProvider.CLIENT_SECRET,
                    registration + "client-name=the test identity provider", registration + "scope=openid",
                    "--spring.security.oauth2.client.provider.idp.issuer-uri=" + issuer);
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { console,
                identityProvider }) {
            if (context != null) {
                context.close();
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void theSignInPageOffersTheIdentityProviderAndNoPasswordFormWithoutLocalUsers() throws Exception {
        String page = browser()
            .send(HttpRequest.newBuilder(URI.create(consoleUrl + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();

        assertThat(page).contains("Sign in with the test identity provider")
            .contains("/oauth2/authorization/idp")
            .doesNotContain("id=\"password\"");
    }

    @Test
    void someoneTheProviderMakesAnAdminReachesTheAdminPagesNamedByTheirSubject() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signInThroughTheProvider(browser, TestIdentityProvider.ADMIN);

        assertThat(landed.uri().toString()).startsWith(consoleUrl);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("Groups").contains("Sign out <span>" + TestIdentityProvider.ADMIN);
        assertThat(get(browser, "/dead-letters").statusCode()).isEqualTo(200);
    }

    @Test
    void someoneTheProviderGivesNoConsoleRoleIsRefusedEveryPage() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> landed = signInThroughTheProvider(browser, TestIdentityProvider.NO_ROLE);

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(get(browser, "/groups/ocd").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/api/overview").statusCode()).isEqualTo(403);
    }

    /**
     * From the console's link to the provider, through the provider's sign-in form, back
     * to the console, as a browser follows the redirects.
     */
    private HttpResponse<String> signInThroughTheProvider(HttpClient browser, String who) throws Exception {
        HttpResponse<String> providerLogin = get(browser, "/oauth2/authorization/idp");
        assertThat(providerLogin.uri().getHost()).isEqualTo("localhost");
        Matcher csrf = CSRF.matcher(providerLogin.body());
        assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
        String form = "username=" + who + "&password=" + encode(TestIdentityProvider.PASSWORD) + "&_csrf="
                + encode(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(providerLogin.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
