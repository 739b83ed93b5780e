package org.groupenrollment.console.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.groupenrollment.console.deadletters.DeadLetter;
import org.groupenrollment.console.deadletters.DeadLetterShelf;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Puts every record of every dead-letter topic on the shelf, as bytes: a dead letter may
 * be exactly what cannot be deserialized.
 */
@Component
class DeadLetterListener {

    private final DeadLetterShelf shelf;

    private final EnrollmentTopics topics;

    DeadLetterListener(DeadLetterShelf shelf, EnrollmentTopics topics) {
        this.shelf = shelf;
        this.topics = topics;
    }

    public List<String> topics() {
        return topics.deadLetters();
    }

    @KafkaListener(id = "console-dead-letters", topics = "#{__listener.topics()}",
            containerFactory = "deadLetterListenerContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        List<DeadLetter.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DeadLetter.Header(header.key(), header.value()));
        }
        shelf.on(new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), List.copyOf(headers), record.value()));
    }

}
