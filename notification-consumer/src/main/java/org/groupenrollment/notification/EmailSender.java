package org.groupenrollment.notification;

/** The one seam to the mail system, so unit tests can pass a lambda. */
@FunctionalInterface
public interface EmailSender {

    /**
     * Sends or throws: {@link TransientEmailFailure} when trying again later may work,
     * {@link PermanentEmailFailure} when it never will.
     */
    void send(Email email);

    class TransientEmailFailure extends RuntimeException {

        public TransientEmailFailure(String message, Throwable cause) {
            super(message, cause);
        }

    }

    class PermanentEmailFailure extends RuntimeException {

        public PermanentEmailFailure(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
