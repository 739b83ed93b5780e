package org.groupenrollment.signup.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.groupenrollment.signup.Channel;
import org.groupenrollment.signup.IdempotencyKey;
import org.groupenrollment.signup.SignupPublisher;
import org.groupenrollment.signup.SignupRequest;
import org.groupenrollment.signup.SignupService;
import org.groupenrollment.signup.catalog.SignupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signup form. Each rendering carries a fresh idempotency key, so a double click or a
 * browser resubmission is the same signup.
 */
@Controller
class SignupFormController {

    private static final Logger log = LoggerFactory.getLogger(SignupFormController.class);

    private final SignupService signups;

    private final SignupOptions options;

    private final GroupOffers offers;

    SignupFormController(SignupService signups, SignupOptions options, GroupOffers offers) {
        this.signups = signups;
        this.options = options;
        this.offers = offers;
    }

    /** The groups with their schedules and open seats as they stand at each rendering. */
    @ModelAttribute
    void catalog(Model model) {
        List<GroupOffers.Offer> groups = offers.of(options.groupNames());
        Map<String, String> labels = new LinkedHashMap<>();
        groups.forEach(offer -> labels.put(offer.id(), offer.label()));
        model.addAttribute("groups", labels);
        model.addAttribute("offers", groups);
        model.addAttribute("states", options.states());
    }

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("signup", new SignupRequest("", "", "", "", "", ""));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "signup";
    }

    @PostMapping("/signups")
    String submit(@Valid @ModelAttribute("signup") SignupRequest signup, BindingResult errors,
            @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        IdempotencyKey key;
        try {
            key = new IdempotencyKey(idempotencyKey);
        }
        catch (IdempotencyKey.InvalidIdempotencyKeyException ex) {
            // Never from this form's own page: send it back with a key of its own.
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
            model.addAttribute("expired", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "signup";
        }
        model.addAttribute("idempotencyKey", key.value());
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "signup";
        }
        try {
            UUID signupId = signups.submit(signup, Optional.of(key), Channel.WEB_FORM);
            redirect.addAttribute("id", signupId);
            return "redirect:/signups/submitted";
        }
        catch (SignupPublisher.PublishFailedException ex) {
            log.warn("Form signup not published: {}", ex.getMessage(), ex);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
            return "signup";
        }
        catch (SignupService.IdempotencyKeyReusedException ex) {
            // The person changed the form after a submission went through: give it a new
            // key.
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("resubmitted", true);
            return "signup";
        }
    }

    @GetMapping("/signups/submitted")
    String submitted(@RequestParam UUID id, Model model) {
        model.addAttribute("signupId", id);
        return "submitted";
    }

}
