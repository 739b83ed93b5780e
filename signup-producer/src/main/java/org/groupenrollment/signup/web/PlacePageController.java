package org.groupenrollment.signup.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.catalog.Schedules;
import org.groupenrollment.signup.place.PlaceActions;
import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.SeatRequestPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "your place" page a person opens from the link in any email about their place:
 * where it stands, and a button for each thing they can do. Giving a place up asks first,
 * on the same page. Each action is posted (with the form's CSRF token), sent to the
 * processor, and answered by showing the page again once the processor has applied it;
 * the link itself, a credential, is never logged.
 */
@Controller
@RequestMapping(PlaceLinks.PATH + "{token}")
class PlacePageController {

    private static final Logger log = LoggerFactory.getLogger(PlacePageController.class);

    private final PlaceActions actions;

    private final Schedules schedules;

    private final Clock clock;

    PlacePageController(PlaceActions actions, Schedules schedules, Clock clock) {
        this.actions = actions;
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable String token, @RequestParam(required = false) String ask,
            @RequestParam(required = false) String done, Model model, HttpServletResponse response) {
        PlaceActions.Lookup lookup = actions.open(token);
        if (lookup instanceof PlaceActions.Lookup.Found found) {
            PlacePage page = PlacePage.of(found.now(), schedules, clock.instant());
            model.addAttribute("page", page);
            model.addAttribute("self", PlaceLinks.PATH + token);
            model.addAttribute("ask", asked(ask, page));
            model.addAttribute("done", done);
            return "place";
        }
        return notOpened(lookup, model, response);
    }

    @PostMapping
    String act(@PathVariable String token, @RequestParam String action, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PlaceRequest.Action requested = switch (action) {
            case "confirm" -> PlaceRequest.Action.CONFIRM;
            case "cancel" -> PlaceRequest.Action.CANCEL;
            case "leave" -> PlaceRequest.Action.LEAVE_WAITLIST;
            default -> null;
        };
        if (requested == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "unknown-action");
            return "place-problem";
        }
        PlaceActions.Outcome outcome;
        try {
            outcome = actions.act(token, requested);
        }
        catch (SeatRequestPublisher.RequestNotPublishedException ex) {
            log.warn("A request from a place's page was not published: {}", ex.getMessage(), ex);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("problem", "unavailable");
            return "place-problem";
        }
        if (outcome instanceof PlaceActions.Outcome.NotOpened notOpened) {
            return notOpened(notOpened.lookup(), model, response);
        }
        redirect.addAttribute("done", done(outcome, requested));
        return "redirect:" + PlaceLinks.PATH + "{token}";
    }

    /**
     * What the page says after a request, by a word in its address (no personal data).
     */
    private static String done(PlaceActions.Outcome outcome, PlaceRequest.Action requested) {
        if (outcome instanceof PlaceActions.Outcome.Refused refused) {
            return refused.why().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (outcome instanceof PlaceActions.Outcome.Pending) {
            return "pending";
        }
        return switch (requested) {
            case CONFIRM -> "confirmed";
            case CANCEL -> "cancelled";
            case LEAVE_WAITLIST -> "left";
            case ERASE -> "erased";
        };
    }

    /** Asking before giving a place up, only when the place can be given up that way. */
    private static String asked(String ask, PlacePage page) {
        if ("cancel".equals(ask) && page.canCancel()) {
            return "cancel";
        }
        if ("leave".equals(ask) && page.canLeave()) {
            return "leave";
        }
        return null;
    }

    private static String notOpened(PlaceActions.Lookup lookup, Model model, HttpServletResponse response) {
        if (lookup instanceof PlaceActions.Lookup.NotYetKnown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "not-yet-known");
        }
        else if (lookup instanceof PlaceActions.Lookup.Expired) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", "expired");
        }
        else {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "not-a-link");
        }
        return "place-problem";
    }

}
