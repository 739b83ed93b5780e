package org.groupenrollment.signup.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * A send that returns once the broker has acknowledged the record (acks=all, idempotent
 * producer; see signup-producer.yml), or throws saying why: what a 202 to a person
 * promises.
 */
final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    static <V> void send(KafkaTemplate<String, V> template, String topic, String key, V value, Duration timeout,
            String what) throws NotAcknowledged {
        try {
            template.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new NotAcknowledged("Kafka did not acknowledge " + what, ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new NotAcknowledged("Kafka did not acknowledge " + what + " within " + timeout, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged("Interrupted while publishing " + what, ex);
        }
        catch (RuntimeException ex) {
            // The send can fail before any future exists: metadata unavailable,
            // serializer or registry down.
            throw new NotAcknowledged("Could not publish " + what, ex);
        }
    }

    static final class NotAcknowledged extends Exception {

        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
