package org.groupenrollment.signup.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.groupenrollment.events.SignupSource;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SignupService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Validated
@RestController
@RequestMapping("/api/signups")
class SignupApiController {

    private final SignupService signups;

    SignupApiController(SignupService signups) {
        this.signups = signups;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignupAccepted> submit(@Valid @RequestBody SignupRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey)
            throws SignupPublisher.PublishFailedException {
        UUID signupId = signups.submit(request, Optional.ofNullable(idempotencyKey), SignupSource.API);
        URI status = URI.create("/api/signups/" + signupId);
        return ResponseEntity.accepted().location(status).body(new SignupAccepted(signupId, "SUBMITTED", status));
    }

    /** The 202 body: the id, and where the outcome will be visible. */
    record SignupAccepted(UUID signupId, String status, URI statusUrl) {
    }
}
