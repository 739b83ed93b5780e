package org.groupenrollment.signup.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests exactly as written, byte for byte, on a socket of their own: HTTP clients
 * normalize paths, refuse odd headers and frame bodies their own way, which is what the
 * hostile-request tests must not let them do.
 */
final class RawHttp {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

    }

    /** Sends the head as it is (CRLF line ends added) and no body. */
    Response send(String head) throws IOException {
        return exchange(head, out -> {
        });
    }

    /**
     * Sends the head, then a chunked body of {@code bytes} bytes of {@code filler}, in 8
     * KiB chunks; a server that refuses the body early may close the socket under it.
     */
    Response sendChunked(String head, String prefix, long bytes) throws IOException {
        return exchange(head + "Transfer-Encoding: chunked\r\n", out -> {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            writeChunk(out, start, start.length);
            byte[] chunk = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (long sent = start.length; sent < bytes; sent += chunk.length) {
                writeChunk(out, chunk, (int) Math.min(chunk.length, bytes - sent));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    Response sendWithBody(String head, byte[] body) throws IOException {
        return exchange(head + "Content-Length: " + body.length + "\r\n", out -> out.write(body));
    }

    private Response exchange(String head, BodyWriter body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) PATIENCE.toMillis());
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                body.writeTo(out);
                out.flush();
            }
            catch (IOException refusedMidBody) {
                // The server answered before reading it all; its answer is what counts.
            }
            return read(socket.getInputStream());
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            throw new IOException("No complete response; received " + all.length + " bytes");
        }
        String[] lines = text.substring(0, endOfHead).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, endOfHead + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    @FunctionalInterface
    private interface BodyWriter {

        void writeTo(OutputStream out) throws IOException;

    }

}
