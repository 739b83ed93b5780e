package org.groupenrollment.signup.web;

import jakarta.servlet.http.HttpServletResponse;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.erasure.ErasureRequests;
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

/**
 * The "delete my data" page, opened from the link at the foot of every email: it says
 * what erasing means and asks before doing it; the button posts the request (with the
 * form's CSRF token) and the page then says it is under way. The link, a credential, is
 * never logged.
 */
@Controller
@RequestMapping(PlaceLinks.ERASURE_PATH + "{token}")
class ErasurePageController {

    private static final Logger log = LoggerFactory.getLogger(ErasurePageController.class);

    private static final String PAGE = "erasure";

    private final ErasureRequests erasures;

    ErasurePageController(ErasureRequests erasures) {
        this.erasures = erasures;
    }

    @GetMapping
    String page(@PathVariable String token, @RequestParam(required = false) String done, Model model,
            HttpServletResponse response) {
        if ("requested".equals(done)) {
            model.addAttribute("state", "requested");
            return PAGE;
        }
        return show(erasures.open(token), token, model, response);
    }

    @PostMapping
    String erase(@PathVariable String token, Model model, HttpServletResponse response) {
        ErasureRequests.Lookup lookup;
        try {
            lookup = erasures.erase(token);
        }
        catch (SeatRequestPublisher.RequestNotPublishedException ex) {
            log.warn("An erasure request was not published: {}", ex.getMessage(), ex);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("state", "unavailable");
            return PAGE;
        }
        if (lookup == ErasureRequests.Lookup.ERASABLE) {
            return "redirect:" + PlaceLinks.ERASURE_PATH + "{token}?done=requested";
        }
        return show(lookup, token, model, response);
    }

    private static String show(ErasureRequests.Lookup lookup, String token, Model model, HttpServletResponse response) {
        switch (lookup) {
            case ERASABLE -> {
                model.addAttribute("state", "ask");
                model.addAttribute("self", PlaceLinks.ERASURE_PATH + token);
            }
            case ALREADY_ERASED -> model.addAttribute("state", "erased");
            case NOT_YET_KNOWN -> {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("state", "not-yet-known");
            }
            case EXPIRED -> {
                response.setStatus(HttpStatus.GONE.value());
                model.addAttribute("state", "expired");
            }
            case NOT_A_LINK -> {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("state", "not-a-link");
            }
        }
        return PAGE;
    }

}
