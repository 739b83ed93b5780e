package org.groupenrollment.signup.web;

import java.util.List;
import java.util.Map;

import org.groupenrollment.signup.IdempotencyKey;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.place.SeatRequestPublisher;
import tools.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem bodies. Spring already answers malformed JSON (400), a wrong content
 * type (415) and so on with problems; this adds the fields at fault to validation
 * problems, and the 422 (an Idempotency-Key reused for another signup) and 503 of this
 * service.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("Invalid signup", "The signup has invalid fields.",
                fieldErrors(ex.getBindingResult().getFieldErrors()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("Invalid request", "The request has invalid parameters.",
                ex.getParameterValidationResults()
                    .stream()
                    .map(result -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                            "message", result.getResolvableErrors().get(0).getDefaultMessage()))
                    .toList());
    }

    /**
     * A body over the limit (see {@link BodySizeLimit}) is a 413; a field of the wrong
     * JSON type (a number, a list or an object where text belongs) is named like any
     * invalid field; anything else unreadable is a 400 that says so without quoting it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodySizeLimit.exceeded(ex)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ErrorWords.of(413).problem());
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(0).getPropertyName();
            if (field != null) {
                return invalid("Invalid signup", "The signup has invalid fields.",
                        List.of(Map.of("field", field, "message", "must be text, in double quotes")));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not a valid JSON signup: an object of text fields, encoded as UTF-8.");
        problem.setTitle("Unreadable signup");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A 400 whose {@code errors} name each field at fault and what is wrong with it. */
    private static ResponseEntity<Object> invalid(String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IdempotencyKey.InvalidIdempotencyKeyException.class)
    ResponseEntity<Object> invalidIdempotencyKey(IdempotencyKey.InvalidIdempotencyKeyException ex) {
        return invalid("Invalid Idempotency-Key", ex.getMessage(),
                List.of(Map.of("field", "Idempotency-Key", "message", ex.getMessage())));
    }

    @ExceptionHandler(SignupService.IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(SignupService.IdempotencyKeyReusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @ExceptionHandler(SignupPublisher.PublishFailedException.class)
    ResponseEntity<ProblemDetail> pipelineUnavailable(SignupPublisher.PublishFailedException ex) {
        return unavailable(ex, "Signups temporarily unavailable",
                "We could not record your signup just now. Nothing was saved; please try again in a minute.");
    }

    @ExceptionHandler(SeatRequestPublisher.RequestNotPublishedException.class)
    ResponseEntity<ProblemDetail> requestsUnavailable(SeatRequestPublisher.RequestNotPublishedException ex) {
        return unavailable(ex, "Requests temporarily unavailable",
                "We could not take this request just now. Nothing was changed; please try again in a minute.");
    }

    /** Kafka did not take it: a 503 that says nothing happened and when to try again. */
    private static ResponseEntity<ProblemDetail> unavailable(Exception ex, String title, String detail) {
        log.warn("Answering 503: {}", ex.getMessage(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "30")
            .body(problem);
    }

    static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
    }

}
