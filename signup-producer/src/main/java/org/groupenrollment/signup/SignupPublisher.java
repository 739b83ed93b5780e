package org.groupenrollment.signup;

/**
 * Hands a signup to the pipeline; returns once the broker has acknowledged it, or throws.
 */
public interface SignupPublisher {

    void publish(SubmittedSignup signup) throws PublishFailedException;

    class PublishFailedException extends Exception {

        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
