package org.groupenrollment.console.groups;

import java.security.Principal;
import java.time.Clock;

import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A group's people and one place's history: personal details, so each view is recorded in
 * the audit trail before anything is shown.
 */
@Controller
class GroupController {

    private final Listings listings;

    private final Board board;

    private final AuditTrail audit;

    private final Clock clock;

    GroupController(Listings listings, Board board, AuditTrail audit, Clock clock) {
        this.listings = listings;
        this.board = board;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}")
    String group(@PathVariable String groupId, Principal staff, Model model) {
        Listings.Listing group = listings.known(groupId);
        audit
            .record(Activity.of(staff.getName(), Activity.Kind.VIEWED_GROUP_PEOPLE).group(groupId).at(clock.instant()));
        Overview.GroupRow figures = Overview.row(group, board.seats(groupId).orElse(null));
        model.addAttribute("groupId", groupId);
        model.addAttribute("group", group);
        model.addAttribute("figures", figures);
        model.addAttribute("people", board.people(groupId));
        return "group";
    }

    @GetMapping("/groups/{groupId}/places/{signupId}")
    String place(@PathVariable String groupId, @PathVariable String signupId, Principal staff, Model model) {
        Listings.Listing group = listings.known(groupId);
        Board.PlaceFile file = board.file(Listings.signupId(signupId))
            .filter(found -> found.place().map(place -> place.groupId().equals(groupId)).orElse(true))
            .orElseThrow(() -> new UnknownGroupException("No place of that signup in this group."));
        audit.record(Activity.of(staff.getName(), Activity.Kind.VIEWED_PLACE)
            .group(groupId)
            .signup(file.signupId())
            .at(clock.instant()));
        model.addAttribute("groupId", groupId);
        model.addAttribute("group", group);
        model.addAttribute("file", file);
        model.addAttribute("history", file.history());
        model.addAttribute("canResend", file.lastEmail().isPresent());
        model.addAttribute("canErase", !board.isErased(file.signupId()));
        return "place";
    }

}
