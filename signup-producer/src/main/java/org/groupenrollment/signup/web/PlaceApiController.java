package org.groupenrollment.signup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

import org.groupenrollment.signup.catalog.Schedules;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceActions;
import org.groupenrollment.signup.place.PlaceNow;
import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.SeatRequestPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "your place" page as JSON, for apps and scripts holding a link's token: {@code GET}
 * where the place stands, {@code POST .../confirm}, {@code .../cancel} or
 * {@code .../leave-waitlist}. 200 once the processor applied the request, 202 while it is
 * on its way; a request the place does not allow is a 409 problem naming why, and sends
 * nothing.
 */
@RestController
@Tag(name = "Places", description = "A person's place in a group, by the link in their emails")
@RequestMapping("/api/places/{token}")
class PlaceApiController {

    private final PlaceActions actions;

    private final Schedules schedules;

    PlaceApiController(PlaceActions actions, Schedules schedules) {
        this.actions = actions;
        this.schedules = schedules;
    }

    @Operation(summary = "A place, by the link in its emails",
            description = "Where the place stands: the group, the state, the seat or the position in line, and "
                    + "when the group meets. Nothing about the person. The token is the last part of the link.")
    @ApiResponse(responseCode = "200", description = "The place",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlaceJson.class)))
    @ApiResponse(responseCode = "404", description = ApiDocumentation.NOT_A_PLACE)
    @ApiResponse(responseCode = "410", description = ApiDocumentation.EXPIRED)
    @GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<?> place(@PathVariable String token) {
        PlaceActions.Lookup lookup = actions.open(token);
        if (lookup instanceof PlaceActions.Lookup.Found found) {
            return ResponseEntity.ok(PlaceJson.of(found.now(), schedules));
        }
        return notOpened(lookup);
    }

    @Operation(summary = "Confirm a held seat, cancel a place, or leave the waitlist",
            description = "A request to the processor, the single writer of the group; the answer waits a few "
                    + "seconds for it to be applied.")
    @ApiResponse(responseCode = "200", description = "Applied: the place as it now stands",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlaceJson.class)))
    @ApiResponse(responseCode = "202", description = "Sent, not applied yet: the place as it stood",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlaceJson.class)))
    @ApiResponse(responseCode = "404", description = ApiDocumentation.NOT_A_PLACE)
    @ApiResponse(responseCode = "409",
            description = "The place does not allow this as it stands (reason: ALREADY_CONFIRMED, HOLD_EXPIRED, "
                    + "NOT_WAITING, ENDED ...); nothing was sent")
    @ApiResponse(responseCode = "410", description = ApiDocumentation.EXPIRED)
    @ApiResponse(responseCode = "503", description = ApiDocumentation.UNAVAILABLE)
    @PostMapping(path = "/{action:confirm|cancel|leave-waitlist}",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<?> act(@PathVariable String token, @PathVariable String action)
            throws SeatRequestPublisher.RequestNotPublishedException {
        PlaceActions.Outcome outcome = actions.act(token, switch (action) {
            case "confirm" -> PlaceRequest.Action.CONFIRM;
            case "cancel" -> PlaceRequest.Action.CANCEL;
            default -> PlaceRequest.Action.LEAVE_WAITLIST;
        });
        if (outcome instanceof PlaceActions.Outcome.Applied applied) {
            return ResponseEntity.ok(PlaceJson.of(applied.now(), schedules));
        }
        if (outcome instanceof PlaceActions.Outcome.Pending pending) {
            return ResponseEntity.accepted().body(PlaceJson.of(pending.before(), schedules));
        }
        if (outcome instanceof PlaceActions.Outcome.Refused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The place does not allow this request as it stands; nothing was sent.");
            problem.setTitle("Not possible for this place");
            problem.setProperty("reason", refused.why().name());
            problem.setProperty("place", PlaceJson.of(refused.now(), schedules));
            return problem(problem);
        }
        return notOpened(((PlaceActions.Outcome.NotOpened) outcome).lookup());
    }

    private static ResponseEntity<?> notOpened(PlaceActions.Lookup lookup) {
        if (lookup instanceof PlaceActions.Lookup.Expired) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                    "This link has expired; the most recent email about the place carries a new one.");
            problem.setTitle("Link expired");
            return problem(problem);
        }
        if (lookup instanceof PlaceActions.Lookup.NotYetKnown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "The place is still being recorded; ask again in a few seconds.");
            problem.setTitle("Place not known yet");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "This is not a link to a place, or it was changed on the way.");
        problem.setTitle("Not a place link");
        return problem(problem);
    }

    private static ResponseEntity<?> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A place as the API shows it: the group, the state, the seat or the position in
     * line, and when the group meets. Nothing about the person.
     */
    record PlaceJson(String group, String groupName, Place.State status, Integer seatNumber, Instant holdExpiresAt,
            Integer waitlistPosition, List<String> meets) {

        static PlaceJson of(PlaceNow now, Schedules schedules) {
            Place place = now.place();
            List<Schedules.Meeting> meetings = schedules.of(place);
            return new PlaceJson(place.groupId(), schedules.groupName(place.groupId()).orElse(place.groupId()),
                    place.state(), place.seatNumber(), place.holdExpiresAt(),
                    now.position() > 0 ? now.position() : null,
                    meetings.stream().map(Schedules.Meeting::when).toList());
        }

    }

}
