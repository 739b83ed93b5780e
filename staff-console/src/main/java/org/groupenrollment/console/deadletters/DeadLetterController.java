package org.groupenrollment.console.deadletters;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters of every topic, for admins: redrive one or a selection to the topic it
 * failed on, or mark them resolved. Each is recorded in the audit trail, which is also
 * where the console reads back what was done with each record.
 */
@Controller
class DeadLetterController {

    private final DeadLetterShelf shelf;

    private final Redriver redriver;

    private final AuditTrail audit;

    private final Clock clock;

    DeadLetterController(DeadLetterShelf shelf, Redriver redriver, AuditTrail audit, Clock clock) {
        this.shelf = shelf;
        this.redriver = redriver;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/dead-letters")
    String list(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("letters", shelf.list(all));
        model.addAttribute("all", all);
        return "dead-letters";
    }

    @PostMapping("/dead-letters/redrive")
    String redrive(@RequestParam(name = "id", required = false) List<String> ids, Principal staff,
            RedirectAttributes flash) {
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String id : selected(ids)) {
            DeadLetter letter = shelf.find(id).orElse(null);
            if (letter == null || letter.originalTopic().isEmpty()) {
                refused.add(id);
                continue;
            }
            try {
                redriver.redrive(letter, letter.originalTopic().get());
            }
            catch (Redriver.NotRedriven ex) {
                refused.add(id);
                continue;
            }
            recorded(staff, Activity.Kind.REDROVE_DEAD_LETTER, Disposition.Kind.REDRIVEN, letter);
            done.add(id);
        }
        flash.addFlashAttribute("message", report("Redriven", done, refused));
        return "redirect:/dead-letters";
    }

    @PostMapping("/dead-letters/resolve")
    String resolve(@RequestParam(name = "id", required = false) List<String> ids, Principal staff,
            RedirectAttributes flash) {
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String id : selected(ids)) {
            shelf.find(id).ifPresentOrElse(letter -> {
                recorded(staff, Activity.Kind.RESOLVED_DEAD_LETTER, Disposition.Kind.RESOLVED, letter);
                done.add(id);
            }, () -> refused.add(id));
        }
        flash.addFlashAttribute("message", report("Marked resolved", done, refused));
        return "redirect:/dead-letters";
    }

    private void recorded(Principal staff, Activity.Kind activity, Disposition.Kind kind, DeadLetter letter) {
        Instant now = clock.instant();
        audit.record(Activity.of(staff.getName(), activity).deadLetter(letter.id()).at(now));
        shelf.on(new Disposition(letter.id(), kind, staff.getName(), now));
    }

    private static List<String> selected(List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private static String report(String what, List<String> done, List<String> refused) {
        String report = what + ": " + (done.isEmpty() ? "none" : String.join(", ", done)) + ".";
        return refused.isEmpty() ? report
                : report + " Not found or not sendable back: " + String.join(", ", refused) + ".";
    }

}
