package org.groupenrollment.launcher;

/** A start-up failure the person can act on; its message says what to do. */
public final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }

}
