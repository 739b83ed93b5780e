package org.groupenrollment.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A read-only web inbox over GreenMail's API: every message the SMTP server accepted,
 * newest first, with its plain-text part, so a person can see what the pipeline sent.
 */
final class InboxServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final String mailApi;

    private final HttpClient http = HttpClient.newHttpClient();

    private InboxServer(HttpServer server, String mailApi) {
        this.server = server;
        this.mailApi = mailApi;
    }

    static InboxServer start(int port, String mailApi) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            InboxServer inbox = new InboxServer(server, mailApi);
            server.createContext("/", inbox::handle);
            server.start();
            return inbox;
        }
        catch (IOException ex) {
            throw new LaunchException("Cannot open the web inbox on port " + port + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] page;
        int status = 200;
        try {
            page = render(messages()).getBytes(StandardCharsets.UTF_8);
        }
        catch (IOException | InterruptedException | MessagingException ex) {
            status = 502;
            page = ("<p>The SMTP server's API did not answer: " + escape(String.valueOf(ex.getMessage())) + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
        }
    }

    private List<Mail> messages() throws IOException, InterruptedException, MessagingException {
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

    private static String render(List<Mail> mails) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Inbox</title>
                <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:auto;padding:1rem}
                details{border:1px solid #ccc;border-radius:4px;margin:.5rem 0;padding:.5rem}
                summary{cursor:pointer}pre{white-space:pre-wrap}</style></head><body>
                <h1>Inbox</h1><p>Every email the pipeline sent, newest first. Reload to see new ones.</p>
                """);
        if (mails.isEmpty()) {
            html.append("<p>No email yet. Submit the signup form, then reload.</p>");
        }
        for (Mail mail : mails) {
            html.append("<details><summary><strong>")
                .append(escape(mail.subject()))
                .append("</strong> to ")
                .append(escape(mail.to()))
                .append("</summary><pre>")
                .append(escape(mail.text()))
                .append("</pre></details>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Mail(String to, String subject, long sentAt, String text) {
    }

}
