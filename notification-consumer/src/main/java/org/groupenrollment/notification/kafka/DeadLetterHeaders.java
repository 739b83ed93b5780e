package org.groupenrollment.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.groupenrollment.notification.EmailSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * What the retry and dead-letter copies of an outcome say about their failure.
 * spring-kafka's message and stack-trace headers quote the causes, and an SMTP server's
 * reply or an address parser quotes the recipient's address: they are left out. The
 * cause's class stays, and the message header carries only what this service's own
 * exceptions say, which names an email by its id, never by its address.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterHeaders extends RetryTopicConfigurationSupport {

    static final String WITHHELD = "(withheld: the cause's message may hold personal data)";

    /**
     * Wakes paused retry partitions when their delay is up; its own, so no other
     * scheduler is shared.
     */
    @Bean
    RetryTopicSchedulerWrapper retryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("retry-backoff-");
        return new RetryTopicSchedulerWrapper(scheduler);
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> factory.setDeadLetterPublishingRecovererCustomizer(DeadLetterHeaders::withoutPersonalData);
    }

    static void withoutPersonalData(DeadLetterPublishingRecoverer recoverer) {
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        recoverer.addHeadersFunction(DeadLetterHeaders::reason);
    }

    private static Headers reason(ConsumerRecord<?, ?> record, Exception failure) {
        Headers headers = new RecordHeaders();
        headers.add(KafkaHeaders.EXCEPTION_MESSAGE, safeMessage(failure).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /**
     * The message of the first of this service's own exceptions among the causes, if any.
     */
    static String safeMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmailSender.TransientEmailFailure || cause instanceof EmailSender.PermanentEmailFailure
                    || cause instanceof UnusableOutcomeException) {
                return cause.getMessage();
            }
        }
        return WITHHELD;
    }

}
