package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groupenrollment.events.config.EnrollmentTopics;

/**
 * {@code --demo}, for the staff console: a misconfigured client writes one signup as JSON
 * instead of Avro, which the processor dead-letters (so the dead-letter page has one to
 * redrive or resolve); and once Maya has confirmed her seat, a member of staff signs in
 * and sends her confirmation again (so a place's history and the audit trail show a staff
 * action).
 */
final class DemoStaff {

    static final String RESENT_TO = "Maya Lindqvist";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String consoleUrl;

    private final StaffLogin login;

    private final String bootstrapServers;

    private final Console console;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** The token of the forms on the last page read. */
    private String csrf;

    DemoStaff(String consoleUrl, StaffLogin login, String bootstrapServers, Console console) {
        this.consoleUrl = consoleUrl;
        this.login = login;
        this.bootstrapServers = bootstrapServers;
        this.console = console;
    }

    void leaveADeadLetter() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer
                .send(new ProducerRecord<>(EnrollmentTopics.fromSharedConfiguration().signupsSubmitted(), "anxiety",
                        "{\"group\":\"anxiety\",\"note\":\"written as JSON by a misconfigured client\"}"
                            .getBytes(StandardCharsets.UTF_8)))
                .get();
        }
        catch (ExecutionException ex) {
            throw new LaunchException("The demo could not write its dead letter: " + ex.getCause(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits (in the background) for Maya's seat to be confirmed, then resends her email.
     */
    void resendInTheBackground(Duration patience) {
        Thread staff = new Thread(() -> {
            try {
                resendOnceConfirmed(Instant.now().plus(patience));
            }
            catch (IOException stopping) {
                // The console went away: the pipeline is stopping.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "demo-staff");
        staff.setDaemon(true);
        staff.start();
    }

    private void resendOnceConfirmed(Instant until) throws IOException, InterruptedException {
        get("/login");
        post("/login", Map.of("username", login.username(), "password", login.password()));
        while (Instant.now().isBefore(until)) {
            Optional<String> signup = confirmedRowNaming(get("/groups/anxiety"), RESENT_TO);
            if (signup.isPresent()) {
                String place = "/groups/anxiety/places/" + signup.get();
                get(place);
                post(place + "/resend", Map.of());
                console.info("Demo: a member of staff (" + login.username() + ") sent " + RESENT_TO
                        + " her confirmation again from the staff console; her place's history and the audit"
                        + " trail show it.");
                return;
            }
            Thread.sleep(2_000);
        }
    }

    private static Optional<String> confirmedRowNaming(String page, String who) {
        for (String row : page.split("<tr")) {
            Matcher signup = Pattern.compile("data-signup=\"([0-9a-f-]{36})\"").matcher(row);
            if (row.contains(who) && row.contains("Confirmed") && signup.find()) {
                return Optional.of(signup.group(1));
            }
        }
        return Optional.empty();
    }

    private String get(String path) throws IOException, InterruptedException {
        String page = http
            .send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();
        Matcher token = CSRF.matcher(page);
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    private void post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf)));
        http.send(HttpRequest.newBuilder(URI.create(consoleUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
