package org.groupenrollment.eligibility.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Why a signup or a request went to a dead-letter topic and where it came from, in the
 * headers and encodings spring-kafka's dead-letter publishing uses (as the notifier's
 * dead letters do), so one reader serves every dead-letter topic of the pipeline. The
 * message names what is wrong, never a value from the record.
 */
final class DeadLetterHeaders {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHeaders.class);

    private DeadLetterHeaders() {
    }

    /**
     * Sends the record, as it came, to the dead-letter sink with why, inside the task's
     * transaction, so its partition keeps flowing.
     */
    static void deadLetter(ProcessorContext<String, Object> context, Record<String, byte[]> record,
            RecordMetadata origin, Exception cause, String sink) {
        log.warn("Dead-lettering the record at {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(),
                cause.getMessage(), cause);
        describe(record.headers(), cause, origin);
        context.forward(record, sink);
        ProcessorMetrics.deadLettered(origin.topic());
    }

    static void describe(Headers headers, Exception cause, RecordMetadata origin) {
        headers.add(KafkaHeaders.EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        headers.add(KafkaHeaders.EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
        headers.add(KafkaHeaders.ORIGINAL_TOPIC, utf8(origin.topic()));
        headers.add(KafkaHeaders.ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(origin.partition()).array());
        headers.add(KafkaHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
