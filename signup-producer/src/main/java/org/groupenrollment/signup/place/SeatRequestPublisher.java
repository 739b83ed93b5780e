package org.groupenrollment.signup.place;

/**
 * Hands a person's request about their place to the processor, the single writer of their
 * group; returns once the broker has acknowledged it, or throws.
 */
public interface SeatRequestPublisher {

    void publish(PlaceRequest request) throws RequestNotPublishedException;

    class RequestNotPublishedException extends Exception {

        public RequestNotPublishedException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
