package org.groupenrollment.console.kafka;

import org.groupenrollment.console.deadletters.DeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead letters read the headers spring-kafka writes, by the names it writes them. */
class DeadLetterHeaderNamesTests {

    @Test
    void theDeadLettersHeaderNamesAreSpringKafkas() {
        assertThat(DeadLetter.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.ORIGINAL_TOPIC);
        assertThat(DeadLetter.EXCEPTION_CLASS).isEqualTo(KafkaHeaders.EXCEPTION_FQCN);
        assertThat(DeadLetter.EXCEPTION_MESSAGE).isEqualTo(KafkaHeaders.EXCEPTION_MESSAGE);
        assertThat(KafkaHeaders.ORIGINAL_PARTITION).startsWith(DeadLetter.PREFIX).endsWith("partition");
        assertThat(KafkaHeaders.ORIGINAL_OFFSET).startsWith(DeadLetter.PREFIX).endsWith("offset");
        assertThat(KafkaHeaders.EXCEPTION_CAUSE_FQCN).startsWith(DeadLetter.PREFIX);
    }

}
