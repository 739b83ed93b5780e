package org.groupenrollment.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** For a server a test starts itself on a port it must know before the server runs. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A loopback port nothing listens on right now (the operating system's choice). */
    public static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free loopback port", ex);
        }
    }

}
