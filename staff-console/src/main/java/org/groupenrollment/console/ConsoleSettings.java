package org.groupenrollment.console;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the console waits and remembers.
 *
 * @param answerWithin how long an action waits for the processor to apply it before the
 * page says it is on its way
 * @param acknowledgementTimeout how long a request, a redrive or an audit record waits
 * for the broker
 * @param overviewRefresh how often the overview asks for fresh figures
 * @param auditShown how many of the latest audit records the audit page can show
 */
@Validated
@ConfigurationProperties("enrollment.console")
public record ConsoleSettings(@NotNull Duration answerWithin, @NotNull Duration acknowledgementTimeout,
        @NotNull Duration overviewRefresh, @Min(1) int auditShown) {
}
