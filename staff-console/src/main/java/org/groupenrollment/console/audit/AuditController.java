package org.groupenrollment.console.audit;

import java.security.Principal;
import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit trail, for admins; reading it is itself recorded. */
@Controller
class AuditController {

    private final AuditTrail trail;

    private final RecentActivity recent;

    private final Clock clock;

    AuditController(AuditTrail trail, RecentActivity recent, Clock clock) {
        this.trail = trail;
        this.recent = recent;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String audit(Principal staff, Model model) {
        trail.record(Activity.of(staff.getName(), Activity.Kind.VIEWED_AUDIT_TRAIL).at(clock.instant()));
        model.addAttribute("activities", recent.latest());
        model.addAttribute("erasures", recent.erasures());
        return "audit";
    }

}
