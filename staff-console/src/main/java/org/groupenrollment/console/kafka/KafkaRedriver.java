package org.groupenrollment.console.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.groupenrollment.console.ConsoleSettings;
import org.groupenrollment.console.deadletters.DeadLetter;
import org.groupenrollment.console.deadletters.Redriver;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A dead letter back on its topic with its own key, value and headers, partitioned by its
 * key as it was, and marked as redriven.
 */
@Component
class KafkaRedriver implements Redriver {

    private final KafkaTemplate<String, byte[]> template;

    private final ConsoleSettings settings;

    KafkaRedriver(KafkaTemplate<String, byte[]> redriveTemplate, ConsoleSettings settings) {
        this.template = redriveTemplate;
        this.settings = settings;
    }

    @Override
    public void redrive(DeadLetter letter, String toTopic) throws NotRedriven {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(toTopic, letter.key(), letter.value());
        letter.redriveHeaders()
            .forEach(header -> record.headers().add(new RecordHeader(header.name(), header.value())));
        try {
            Acknowledged.send(template, record, settings.acknowledgementTimeout());
        }
        catch (Acknowledged.NotAcknowledged ex) {
            throw new NotRedriven(ex.getMessage(), ex.getCause());
        }
    }

}
