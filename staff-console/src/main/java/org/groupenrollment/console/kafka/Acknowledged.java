package org.groupenrollment.console.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends and waits for the broker's acknowledgement: every write of the console is
 * something a member of staff is waiting to see done.
 */
final class Acknowledged {

    private Acknowledged() {
    }

    static <V> void send(KafkaTemplate<String, V> template, ProducerRecord<String, V> record, Duration patience)
            throws NotAcknowledged {
        try {
            template.send(record).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged(record.topic(), ex);
        }
        catch (ExecutionException | TimeoutException | KafkaException ex) {
            throw new NotAcknowledged(record.topic(), ex);
        }
    }

    static final class NotAcknowledged extends Exception {

        NotAcknowledged(String topic, Throwable cause) {
            super("The broker did not acknowledge a record for " + topic + " in time", cause);
        }

    }

}
