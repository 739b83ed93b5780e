package org.groupenrollment.signup.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signup is a few hundred bytes. Whatever reads a request body through the servlet API
 * (the JSON API) gets at most {@code enrollment.web.max-body-bytes} of it, however it is
 * framed: a declared length over the limit fails at the first read, and a chunked body
 * fails as soon as it passes the limit, so no request can hold more than that in memory.
 * Form bodies are parsed by Tomcat itself, which the same figure bounds through
 * {@code server.tomcat.max-http-form-post-size}. Both end as a 413.
 */
@Component
// Inside SubmissionMetrics, which counts what it refuses.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(@Value("${enrollment.web.max-body-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    /** Whether a failure came from a body over the limit, however deep it is wrapped. */
    static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long maxBytes) {
            super("The body is larger than " + maxBytes + " bytes");
        }

    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;

        private ServletInputStream body;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), maxBytes, getContentLengthLong() > maxBytes);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;

        private final long maxBytes;

        private final boolean declaredTooLarge;

        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes, boolean declaredTooLarge) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (declaredTooLarge) {
                throw new BodyTooLargeException(maxBytes);
            }
            // One byte past the limit tells a body at the limit from one over it.
            int allowed = (int) Math.min(length, maxBytes + 1 - read);
            int count = in.read(buffer, offset, Math.max(allowed, 1));
            if (count > 0) {
                read += count;
            }
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return count;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

    }

}
