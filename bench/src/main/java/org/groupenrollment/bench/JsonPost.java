package org.groupenrollment.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * One blocking JSON POST over the JDK's HttpURLConnection, whose keep-alive cache reuses
 * the connection. The load generators share the machine with what they measure, and the
 * JDK's asynchronous HttpClient spent about a millisecond of CPU per request here (a
 * sixth of the machine at 200 requests/s); this costs a fraction of that.
 */
final class JsonPost {

    static {
        // The keep-alive cache holds 5 idle connections per server by default; the load
        // generators run more workers than that, and every extra one would reconnect each
        // time.
        System.getProperties().putIfAbsent("http.maxConnections", "64");
    }

    private JsonPost() {
    }

    /**
     * The response status; the body is read to the end so the connection can be reused.
     */
    static int post(URL url, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

}
