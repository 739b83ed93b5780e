package org.groupenrollment.notification.kafka;

/**
 * A record on an outcome topic that no email can be made of: no value (a tombstone), a
 * type this notifier does not know, or content it cannot render. Waiting will not change
 * that, so it goes to the dead-letter topic at once instead of through the retry topics.
 */
class UnusableOutcomeException extends RuntimeException {

    UnusableOutcomeException(String message) {
        super(message);
    }

}
