package org.groupenrollment.pipeline;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone at one of the pipeline's web pages over plain HTTP, as a browser would be: a
 * session cookie, and each form's CSRF token taken from the page it is on. Staff at the
 * console; a person at the page a link in their email opens.
 */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;

    private final HttpClient http;

    private String csrf;

    BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Signs in; returns where the console sent the browser next. */
    String signIn(String username, String password) throws IOException, InterruptedException {
        get("/login");
        HttpResponse<String> signedIn = post("/login", Map.of("username", username, "password", password));
        return signedIn.headers().firstValue("Location").orElse("");
    }

    /** A page, as text; remembers the CSRF token of its forms. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** A form post with the last page's CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
        return post(path, all);
    }

    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        String form = all.stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The signup id of the table row that names {@code who}, on a group's page. */
    static Optional<String> signupOfRowNaming(String page, String who) {
        for (String row : page.split("<tr")) {
            Matcher signup = Pattern.compile("data-signup=\"([0-9a-f-]{36})\"").matcher(row);
            if (row.contains(who) && signup.find()) {
                return Optional.of(signup.group(1));
            }
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
