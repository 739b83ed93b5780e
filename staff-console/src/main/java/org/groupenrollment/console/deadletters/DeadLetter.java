package org.groupenrollment.console.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record on a dead-letter topic, as it lies there: the original record's key, value and
 * headers, and the headers saying why and whence. Its value is kept for redriving, never
 * shown: it may hold a person's details.
 */
public record DeadLetter(String topic, int partition, long offset, Instant at, String key, List<Header> headers,
        byte[] value) {

    /**
     * spring-kafka's names (KafkaHeaders), which the processor's dead letters use too;
     * kept here so the dead letters need no Kafka library (DeadLetterHeaderNamesTests).
     */
    public static final String ORIGINAL_TOPIC = "kafka_original-topic";

    /** Every header spring-kafka adds starts so; a failure's own headers among them. */
    public static final String PREFIX = "kafka_";

    public static final String EXCEPTION_CLASS = "kafka_exception-fqcn";

    public static final String EXCEPTION_MESSAGE = "kafka_exception-message";

    /** Ours: how often the record was sent back to its topic, so a loop shows. */
    public static final String REDRIVE_COUNT = "enrollment-redrive-count";

    /** Ours: the dead letter a redriven record was, as topic-partition@offset. */
    public static final String REDRIVEN_FROM = "enrollment-redriven-from";

    public record Header(String name, byte[] value) {
    }

    /** How staff, the audit trail and the forms name this record. */
    public String id() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The topic the record failed on: the first one named, through every retry. */
    public Optional<String> originalTopic() {
        return headers.stream()
            .filter(header -> header.name().equals(ORIGINAL_TOPIC))
            .findFirst()
            .map(DeadLetter::text);
    }

    public int redriveCount() {
        return last(REDRIVE_COUNT).map(header -> ByteBuffer.wrap(header.value()).getInt()).orElse(0);
    }

    public String cause() {
        return last(EXCEPTION_CLASS).map(DeadLetter::text).orElse("(not given)");
    }

    public String causeMessage() {
        return last(EXCEPTION_MESSAGE).map(DeadLetter::text).orElse("");
    }

    /**
     * Every header for display: text as text, spring-kafka's binary partition, offset and
     * timestamp as numbers, anything else by its size.
     */
    public List<String[]> shownHeaders() {
        List<String[]> shown = new ArrayList<>();
        for (Header header : headers) {
            shown.add(new String[] { header.name(), shown(header) });
        }
        return shown;
    }

    /**
     * The record to send back: its own headers, without the previous failure's (the next
     * failure adds its own), counted and marked as redriven.
     */
    public List<Header> redriveHeaders() {
        List<Header> kept = new ArrayList<>(headers.stream()
            .filter(header -> !header.name().startsWith(PREFIX) && !header.name().equals(REDRIVE_COUNT)
                    && !header.name().equals(REDRIVEN_FROM))
            .toList());
        kept.add(new Header(REDRIVE_COUNT, ByteBuffer.allocate(Integer.BYTES).putInt(redriveCount() + 1).array()));
        kept.add(new Header(REDRIVEN_FROM, id().getBytes(StandardCharsets.UTF_8)));
        return kept;
    }

    private Optional<Header> last(String name) {
        Header found = null;
        for (Header header : headers) {
            if (header.name().equals(name)) {
                found = header;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String shown(Header header) {
        byte[] value = header.value();
        if (value == null) {
            return "";
        }
        boolean number = header.name().startsWith(PREFIX) || header.name().equals(REDRIVE_COUNT);
        if (number && value.length == Integer.BYTES && header.name().endsWith("partition")
                || header.name().equals(REDRIVE_COUNT)) {
            return String.valueOf(ByteBuffer.wrap(value).getInt());
        }
        if (number && value.length == Long.BYTES
                && (header.name().endsWith("offset") || header.name().endsWith("timestamp"))) {
            return String.valueOf(ByteBuffer.wrap(value).getLong());
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD) ? text : "(" + value.length + " bytes)";
    }

    private static String text(Header header) {
        return header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

}
