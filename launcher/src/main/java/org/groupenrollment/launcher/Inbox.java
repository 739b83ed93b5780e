package org.groupenrollment.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Every message the local SMTP server accepted, read through GreenMail's API: what the
 * web inbox shows and the demo acts on.
 */
final class Inbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mailApi;

    private final HttpClient http = HttpClient.newHttpClient();

    Inbox(String mailApi) {
        this.mailApi = mailApi;
    }

    /** Newest first. */
    List<Mail> messages() throws IOException, InterruptedException, MessagingException {
        List<Mail> mails = new ArrayList<>();
        for (JsonNode user : get("/api/user")) {
            String address = user.path("email").asText();
            for (JsonNode message : get(
                    "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX/")) {
                MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                        message.path("mimeMessage").asText().getBytes(StandardCharsets.UTF_8)));
                mails.add(new Mail(address, mime.getSubject(),
                        mime.getSentDate() == null ? 0 : mime.getSentDate().getTime(), plainText(mime)));
            }
        }
        mails.sort((a, b) -> Long.compare(b.sentAt(), a.sentAt()));
        return mails;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(mailApi + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    record Mail(String to, String subject, long sentAt, String text) {
    }

}
