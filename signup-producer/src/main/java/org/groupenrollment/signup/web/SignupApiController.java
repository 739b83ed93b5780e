package org.groupenrollment.signup.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.groupenrollment.signup.Channel;
import org.groupenrollment.signup.IdempotencyKey;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.status.OutcomeView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/signups")
class SignupApiController {

    private final SignupService signups;

    private final OutcomeView outcomes;

    SignupApiController(SignupService signups, OutcomeView outcomes) {
        this.signups = signups;
        this.outcomes = outcomes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignupAccepted> submit(@Valid @RequestBody SignupRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
            throws SignupPublisher.PublishFailedException {
        UUID signupId = signups.submit(request, Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new),
                Channel.API);
        URI status = URI.create("/api/signups/" + signupId);
        return ResponseEntity.accepted().location(status).body(new SignupAccepted(signupId, "SUBMITTED", status));
    }

    @GetMapping("/{signupId}")
    ResponseEntity<?> status(@PathVariable UUID signupId) {
        return outcomes.find(signupId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No decision for this signup yet. Decisions usually take a second or two; the email follows.");
            problem.setTitle("Not decided yet");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
        });
    }

    /** The 202 body: the id, and where the outcome will be visible. */
    record SignupAccepted(UUID signupId, String status, URI statusUrl) {
    }

}
