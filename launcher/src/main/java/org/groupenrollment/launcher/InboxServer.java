package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;

/**
 * A read-only web inbox over GreenMail's API: every message the SMTP server accepted,
 * newest first, with its plain-text part, so a person can see what the pipeline sent.
 */
final class InboxServer implements AutoCloseable {

    private final HttpServer server;

    private final Inbox inbox;

    private InboxServer(HttpServer server, String mailApi) {
        this.server = server;
        this.inbox = new Inbox(mailApi);
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
            page = render(inbox.messages()).getBytes(StandardCharsets.UTF_8);
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

    private static String render(List<Inbox.Mail> mails) {
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
        for (Inbox.Mail mail : mails) {
            html.append("<details><summary><strong>")
                .append(escape(mail.subject()))
                .append("</strong> to ")
                .append(escape(mail.to()))
                .append("</summary><pre>")
                .append(linked(escape(mail.text())))
                .append("</pre></details>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The links in an email, such as the one to a person's place, made clickable. */
    private static String linked(String escaped) {
        return escaped.replaceAll("(https?://[^\\s<>\"]+)", "<a href=\"$1\">$1</a>");
    }

}
