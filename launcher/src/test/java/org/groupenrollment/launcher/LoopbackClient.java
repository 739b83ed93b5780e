package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP requests exactly as written (bytes an HTTP client would refuse or repair), each
 * from a loopback address of its own, as if from another person: the form's limit on
 * submissions counts per address.
 */
final class LoopbackClient {

    private final int port;

    private final AtomicInteger nextAddress = new AtomicInteger(10);

    LoopbackClient(int port) {
        this.port = port;
    }

    record Response(int status, String body) {
    }

    Response postSignup(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send("POST /api/signups HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
    }

    /** Sends the request with Host and Connection: close added after its first line. */
    Response send(String request) throws IOException {
        int address = nextAddress.getAndIncrement();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.1." + (address / 250) + "." + (address % 250 + 1), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replaceFirst("\r\n", "\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(response.split(" ", 3)[1]),
                    response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

}
