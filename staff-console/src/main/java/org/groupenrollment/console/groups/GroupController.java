package org.groupenrollment.console.groups;

import java.security.Principal;
import java.time.Clock;
import java.util.UUID;

import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.groupenrollment.events.config.GroupCatalog;
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

    private final GroupCatalog catalog;

    private final Board board;

    private final AuditTrail audit;

    private final Clock clock;

    GroupController(GroupCatalog catalog, Board board, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.board = board;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/groups/{groupId}")
    String group(@PathVariable String groupId, Principal staff, Model model) {
        GroupCatalog.Group group = known(groupId);
        audit
            .record(Activity.of(staff.getName(), Activity.Kind.VIEWED_GROUP_PEOPLE).group(groupId).at(clock.instant()));
        Overview.GroupRow figures = Overview.of(catalog, board.seats())
            .groups()
            .stream()
            .filter(row -> row.groupId().equals(groupId))
            .findFirst()
            .orElseThrow();
        model.addAttribute("groupId", groupId);
        model.addAttribute("group", group);
        model.addAttribute("figures", figures);
        model.addAttribute("people", board.people(groupId));
        return "group";
    }

    @GetMapping("/groups/{groupId}/places/{signupId}")
    String place(@PathVariable String groupId, @PathVariable String signupId, Principal staff, Model model) {
        GroupCatalog.Group group = known(groupId);
        Board.PlaceFile file = board.file(uuid(signupId))
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
        return "place";
    }

    GroupCatalog.Group known(String groupId) {
        GroupCatalog.Group group = catalog.groups().get(groupId);
        if (group == null) {
            throw new UnknownGroupException("No group with that id.");
        }
        return group;
    }

    /** A signup id is a UUID; anything else cannot name one, and is not echoed back. */
    static String uuid(String signupId) {
        try {
            return UUID.fromString(signupId).toString();
        }
        catch (IllegalArgumentException notAnId) {
            throw new UnknownGroupException("No place of that signup in this group.");
        }
    }

}
