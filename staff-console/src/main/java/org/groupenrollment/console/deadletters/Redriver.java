package org.groupenrollment.console.deadletters;

/**
 * Sends a dead letter back to the topic it failed on, as it came, marked as redriven.
 */
public interface Redriver {

    /** Returns once the broker has it. */
    void redrive(DeadLetter letter, String toTopic) throws NotRedriven;

    class NotRedriven extends Exception {

        public NotRedriven(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
