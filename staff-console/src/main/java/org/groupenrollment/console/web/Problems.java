package org.groupenrollment.console.web;

import org.groupenrollment.console.audit.AuditTrail;
import org.groupenrollment.console.groups.GroupRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for what the console cannot do now: the broker did not take a
 * request, or the audit trail cannot be written (and so nothing was shown or done).
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(AuditTrail.AuditUnavailable.class)
    ProblemDetail auditUnavailable(AuditTrail.AuditUnavailable ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The audit trail cannot be written now, so nothing was shown or done. Try again shortly.");
    }

    @ExceptionHandler(GroupRequests.NotSent.class)
    ProblemDetail notSent(GroupRequests.NotSent ex) {
        log.warn("A staff request was not sent: {}", ex.getMessage(), ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The request could not be sent to the pipeline; nothing was changed. Try again shortly.");
    }

    @ExceptionHandler(InterruptedException.class)
    ProblemDetail interrupted(InterruptedException ex) {
        Thread.currentThread().interrupt();
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The console is stopping.");
    }

}
