package org.groupenrollment.console.groups;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groupenrollment.console.ConsoleSettings;
import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff actions on a group. Each is a request to the processor (or, to send an email
 * again, to the notifier); the page then waits a moment for the processor's answer to
 * reach the board, and says what became of the request.
 */
@Controller
class ActionController {

    private final Listings listings;

    private final Board board;

    private final GroupRequests requests;

    private final EmailResends resends;

    private final AuditTrail audit;

    private final ConsoleSettings settings;

    private final Clock clock;

    ActionController(Listings listings, Board board, GroupRequests requests, EmailResends resends, AuditTrail audit,
            ConsoleSettings settings, Clock clock) {
        this.listings = listings;
        this.board = board;
        this.requests = requests;
        this.resends = resends;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/groups/{groupId}/places/{signupId}/cancel")
    String cancel(@PathVariable String groupId, @PathVariable String signupId, Principal staff,
            RedirectAttributes flash) throws GroupRequests.NotSent, InterruptedException {
        listings.known(groupId);
        String id = Listings.signupId(signupId);
        Place place = board.place(id)
            .filter(found -> found.groupId().equals(groupId))
            .orElseThrow(() -> new UnknownGroupException("No place of that signup in this group."));
        if (!place.lasts()) {
            return back(groupId, flash, "That place had already ended; nothing was sent.");
        }
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        requests.send(new GroupRequests.GroupRequest(requestId, groupId, GroupRequests.Action.CANCEL, id, null, null,
                staff.getName(), now));
        audit.record(Activity.of(staff.getName(), Activity.Kind.CANCELLED_PLACE)
            .group(groupId)
            .signup(id)
            .request(requestId)
            .at(now));
        boolean applied = board.awaitUntil(() -> board.place(id).map(found -> !found.lasts()).orElse(false),
                settings.answerWithin());
        return back(groupId, flash,
                applied ? (place.isSeat()
                        ? "Seat cancelled. If anyone was waiting, the first in line has been offered it."
                        : "Taken off the waitlist.") : "Cancellation sent; the processor has not applied it yet.");
    }

    /**
     * Erases a person, for admins: recorded first, then sent to the processor, which
     * releases their place to the next in line, forgets them and destroys their keys.
     */
    @PostMapping("/groups/{groupId}/places/{signupId}/erase")
    String erase(@PathVariable String groupId, @PathVariable String signupId, Principal staff, RedirectAttributes flash)
            throws GroupRequests.NotSent, InterruptedException {
        listings.known(groupId);
        String id = Listings.signupId(signupId);
        board.file(id)
            .filter(found -> found.place().map(place -> place.groupId().equals(groupId)).orElse(true))
            .orElseThrow(() -> new UnknownGroupException("No place of that signup in this group."));
        if (board.isErased(id)) {
            return back(groupId, flash, "That person was erased before; nothing was sent.");
        }
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        audit.record(Activity.of(staff.getName(), Activity.Kind.REQUESTED_ERASURE)
            .group(groupId)
            .signup(id)
            .request(requestId)
            .at(now));
        requests.send(new GroupRequests.GroupRequest(requestId, groupId, GroupRequests.Action.ERASE, id, null, null,
                staff.getName(), now));
        boolean applied = board.awaitUntil(() -> board.isErased(id), settings.answerWithin());
        return back(groupId, flash,
                applied ? "Erased: their details are gone, and a place they held went to the first in line."
                        : "Erasure sent; the processor has not applied it yet.");
    }

    @PostMapping("/groups/{groupId}/places/{signupId}/resend")
    String resend(@PathVariable String groupId, @PathVariable String signupId, Principal staff,
            RedirectAttributes flash) throws GroupRequests.NotSent {
        listings.known(groupId);
        String id = Listings.signupId(signupId);
        Board.PlaceFile file = board.file(id)
            .orElseThrow(() -> new UnknownGroupException("No place of that signup in this group."));
        Happening.EmailSource source = file.lastEmail()
            .orElseThrow(() -> new UnknownGroupException("No email has been sent for that signup."));
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        resends.send(new EmailResends.ResendRequest(requestId, id, source, staff.getName(), now));
        audit.record(Activity.of(staff.getName(), Activity.Kind.RESENT_LAST_EMAIL)
            .group(groupId)
            .signup(id)
            .request(requestId)
            .at(now));
        flash.addFlashAttribute("message", "The last email is on its way again, with a fresh link.");
        return "redirect:/groups/" + groupId + "/places/" + id;
    }

    @PostMapping("/groups/{groupId}/cohorts/{cohortId}/capacity")
    String changeCapacity(@PathVariable String groupId, @PathVariable String cohortId,
            @RequestParam @Min(0) @Max(1000) int capacity, Principal staff, RedirectAttributes flash)
            throws GroupRequests.NotSent, InterruptedException {
        if (!listings.known(groupId).has(cohortId)) {
            throw new UnknownGroupException("No cohort with that id in this group.");
        }
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        requests.send(new GroupRequests.GroupRequest(requestId, groupId, GroupRequests.Action.CHANGE_CAPACITY, null,
                cohortId, capacity, staff.getName(), now));
        audit.record(Activity.of(staff.getName(), Activity.Kind.CHANGED_CAPACITY)
            .group(groupId)
            .cohort(cohortId)
            .request(requestId)
            .detail("capacity " + capacity)
            .at(now));
        boolean applied = board.awaitUntil(() -> board.seats(groupId)
            .flatMap(seats -> seats.cohort(cohortId))
            .map(cohort -> cohort.capacity() == capacity)
            .orElse(false), settings.answerWithin());
        return back(groupId, flash, applied ? "Capacity of " + cohortId + " is now " + capacity + "."
                : "Capacity change sent; the processor has not applied it yet.");
    }

    private static String back(String groupId, RedirectAttributes flash, String message) {
        flash.addFlashAttribute("message", message);
        return "redirect:/groups/" + groupId;
    }

}
