package org.groupenrollment.signup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.groupenrollment.signup.status.SignupStatus;
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
@Tag(name = "Signups", description = "Signing up for a therapy group")
@RequestMapping("/api/signups")
class SignupApiController {

    private final SignupService signups;

    private final OutcomeView outcomes;

    SignupApiController(SignupService signups, OutcomeView outcomes) {
        this.signups = signups;
        this.outcomes = outcomes;
    }

    @Operation(summary = "Submit a signup",
            description = "Publishes the signup for the eligibility decision and answers at once; the decision "
                    + "arrives by email within seconds, and at the status URL. Send an Idempotency-Key to make a "
                    + "retry safe: the same key with the same signup answers the same id.")
    @ApiResponse(responseCode = "202", description = "Taken: the signup is safe with the broker",
            headers = @Header(name = "Location", description = "Where the decision will be visible"))
    @ApiResponse(responseCode = "400", description = ApiDocumentation.INVALID)
    @ApiResponse(responseCode = "413", description = ApiDocumentation.TOO_LARGE)
    @ApiResponse(responseCode = "415", description = ApiDocumentation.NOT_JSON)
    @ApiResponse(responseCode = "422", description = ApiDocumentation.KEY_REUSED)
    @ApiResponse(responseCode = "429", description = ApiDocumentation.TOO_MANY,
            headers = @Header(name = "Retry-After", description = "Seconds until another may be sent"))
    @ApiResponse(responseCode = "503", description = ApiDocumentation.UNAVAILABLE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SignupAccepted> submit(@Valid @RequestBody SignupRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
            throws SignupPublisher.PublishFailedException {
        UUID signupId = signups.submit(request, Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new),
                Channel.API);
        URI status = URI.create("/api/signups/" + signupId);
        return ResponseEntity.accepted().location(status).body(new SignupAccepted(signupId, "SUBMITTED", status));
    }

    @Operation(summary = "The decision on a signup",
            description = "Which way the signup was decided. Nothing about the person.")
    @ApiResponse(responseCode = "200", description = "Decided",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignupStatus.class)))
    @ApiResponse(responseCode = "404", description = "Not decided yet (or no such signup): ask again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    @GetMapping(path = "/{signupId}",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
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
