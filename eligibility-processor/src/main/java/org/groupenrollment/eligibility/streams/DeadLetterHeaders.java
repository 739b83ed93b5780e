package org.groupenrollment.eligibility.streams;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Why a signup went to the dead-letter topic and where it came from, in headers named as
 * spring-kafka names its dead-letter headers ({@code kafka_dlt-*}), with text values so
 * that any console shows them as they are.
 */
final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    static void describe(Headers headers, Exception cause, RecordMetadata origin) {
        headers.add("kafka_dlt-exception-fqcn", utf8(cause.getClass().getName()));
        headers.add("kafka_dlt-exception-message", utf8(String.valueOf(cause.getMessage())));
        headers.add("kafka_dlt-original-topic", utf8(origin.topic()));
        headers.add("kafka_dlt-original-partition", utf8(Integer.toString(origin.partition())));
        headers.add("kafka_dlt-original-offset", utf8(Long.toString(origin.offset())));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
