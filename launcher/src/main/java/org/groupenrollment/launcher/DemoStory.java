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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

/**
 * {@code --demo}: after the demo's signups, the people act on their emails, through the
 * links in them, as people would: most confirm their held seat, Ava cancels hers (and the
 * first on the waitlist is offered it), Ben lets his hold run out (and the next is
 * offered it), Grace, offered the DBT group, has her data deleted. Seats are held for
 * {@link #HOLD} in the demo instead of days, so the expiry shows within minutes.
 */
final class DemoStory {

    static final Duration HOLD = Duration.ofMinutes(2);

    /**
     * The processor's hold and how often it looks for holds that ran out, in the demo.
     */
    static final List<String> PROCESSOR_ARGUMENTS = List
        .of("--enrollment.seats.confirmation-window=" + HOLD.toSeconds() + "s", "--enrollment.seats.expiry-check=5s");

    static final String CANCELS = "ava.demo@example.org";

    static final String LETS_IT_RUN_OUT = "ben.demo@example.org";

    /** Offered the DBT group, she asks to be forgotten from that email's link. */
    static final String ERASES = "grace.kim@example.org";

    /** How long the demo keeps acting on new emails: past the last hold it could see. */
    static final Duration ACTING = HOLD.multipliedBy(3);

    private static final Pattern PLACE_LINK = Pattern.compile("https?://[^\\s/]+/places/([A-Za-z0-9_-]+)");

    private static final Pattern ERASURE_LINK = Pattern.compile("https?://[^\\s/]+(/erasure/[A-Za-z0-9_-]+)");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String signupUrl;

    private final Inbox inbox;

    private final Console console;

    /**
     * With a cookie jar, as a browser: the erasure page's form is tied to its session.
     */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private final Set<String> handled = new HashSet<>();

    DemoStory(String signupUrl, String mailApi, Console console) {
        this.signupUrl = signupUrl;
        this.inbox = new Inbox(mailApi);
        this.console = console;
    }

    /** Acts on the emails as they arrive, in the background, for a few hold windows. */
    void actInTheBackground() {
        Thread story = new Thread(this::act, "demo-story");
        story.setDaemon(true);
        story.start();
    }

    private void act() {
        Instant until = Instant.now().plus(ACTING);
        try {
            while (Instant.now().isBefore(until)) {
                for (Inbox.Mail mail : inbox.messages()) {
                    if (handled.add(mail.to() + "|" + mail.subject())) {
                        onEmail(mail);
                    }
                }
                Thread.sleep(1_000);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException stopping) {
            // The inbox or the signup service went away: the pipeline is stopping.
        }
        catch (MessagingException ex) {
            console.info("Demo: stopped acting on emails, one could not be read: " + ex);
        }
    }

    private void onEmail(Inbox.Mail mail) throws IOException, InterruptedException {
        if (mail.to().equals(ERASES)) {
            erase(mail);
            return;
        }
        Optional<String> token = placeToken(mail.text());
        if (token.isEmpty()) {
            return;
        }
        boolean offered = mail.subject().equals("Please confirm your group place")
                || mail.subject().equals("A seat opened for you");
        if (!offered) {
            return;
        }
        if (mail.to().equals(CANCELS)) {
            post(token.get(), "cancel");
            console.info("Demo: " + mail.to() + " cancelled from the link in their email; the first on the waitlist"
                    + " is offered the seat.");
        }
        else if (mail.to().equals(LETS_IT_RUN_OUT)) {
            console.info("Demo: " + mail.to() + " does not confirm; the hold runs out in " + HOLD.toMinutes()
                    + " minutes and the seat goes to the next in line.");
        }
        else {
            post(token.get(), "confirm");
        }
    }

    /** Opens the "delete my data" page from the email's link and presses its button. */
    private void erase(Inbox.Mail mail) throws IOException, InterruptedException {
        Matcher link = ERASURE_LINK.matcher(mail.text());
        if (!link.find()) {
            return;
        }
        URI page = URI.create(signupUrl + link.group(1));
        String form = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            return;
        }
        http.send(HttpRequest.newBuilder(page)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers
                .ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.discarding());
        console.info("Demo: " + mail.to() + " asked, from the link in her email, for her data to be deleted; the"
                + " console's audit trail lists the erasure.");
    }

    private void post(String token, String action) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(signupUrl + "/api/places/" + token + "/" + action))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Optional<String> placeToken(String text) {
        Matcher link = PLACE_LINK.matcher(text);
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }

}
