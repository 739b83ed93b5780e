package org.groupenrollment.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A handful of realistic signups, so the inbox shows every kind of email: seats for
 * residents of the licensed states, DBT offers for others, and a group filled to capacity
 * with people waiting.
 */
final class DemoSignups {

    private DemoSignups() {
    }

    /** First names for the members of the demo's full group (names hold letters only). */
    private static final List<String> MEMBERS = List.of("Ava", "Ben", "Chloe", "Dev", "Esme", "Felix", "Greta", "Hugo",
            "Ines", "Jonah", "Kira", "Leo");

    /**
     * The five, then the full group's capacity and {@code waiting} more, so that many end
     * up on its waitlist.
     */
    static List<String> submit(String signupUrl, int fullGroupCapacity, int waiting)
            throws IOException, InterruptedException {
        List<String[]> signups = new ArrayList<>(List.of(new String[] { "Maya", "Lindqvist", "NY", "anxiety" },
                new String[] { "Jordan", "Okafor", "FL", "depression" }, new String[] { "Priya", "Raman", "NJ", "ocd" },
                new String[] { "Luis", "Herrera", "TX", "anxiety" },
                new String[] { "Grace", "Kim", "CA", "grief-and-loss" }));
        for (int i = 0; i < fullGroupCapacity + waiting; i++) {
            String firstName = MEMBERS.get(i % MEMBERS.size())
                    + (i < MEMBERS.size() ? "" : "-" + MEMBERS.get(i / MEMBERS.size()));
            signups.add(new String[] { firstName, "Demo", i % 2 == 0 ? "NY" : "NJ", "borderline-personality" });
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> emails = new ArrayList<>();
        for (String[] signup : signups) {
            String email = signup[0].toLowerCase() + "." + signup[1].toLowerCase() + "@example.org";
            String body = """
                    {"firstName":"%s","lastName":"%s","email":"%s","state":"%s","group":"%s"}""".formatted(signup[0],
                    signup[1], email, signup[2], signup[3]);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(signupUrl + "/api/signups"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "demo-" + UUID.nameUUIDFromBytes(email.getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new LaunchException("The demo signup for " + email + " was answered " + response.statusCode()
                        + ": " + response.body());
            }
            emails.add(email);
        }
        return emails;
    }

}
