package org.groupenrollment.console.kafka;

import org.groupenrollment.console.audit.RecentActivity;
import org.groupenrollment.console.deadletters.DeadLetterShelf;
import org.groupenrollment.console.deadletters.Disposition;
import org.groupenrollment.events.StaffActivityRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail back: the latest records for the audit page, and what staff did
 * with each dead letter, so every instance and every restart shows it.
 */
@Component
class AuditListener {

    private final RecentActivity recent;

    private final DeadLetterShelf shelf;

    AuditListener(RecentActivity recent, DeadLetterShelf shelf) {
        this.recent = recent;
        this.shelf = shelf;
    }

    @KafkaListener(id = "console-audit", topics = "${enrollment.topics.staff-audit}",
            containerFactory = "eventListenerContainerFactory")
    void on(StaffActivityRecorded recorded) {
        recent.on(KafkaAuditTrail.activity(recorded));
        Disposition.Kind kind = switch (recorded.getActivity()) {
            case REDROVE_DEAD_LETTER -> Disposition.Kind.REDRIVEN;
            case RESOLVED_DEAD_LETTER -> Disposition.Kind.RESOLVED;
            default -> null;
        };
        if (kind != null && recorded.getDeadLetter() != null) {
            shelf.on(new Disposition(recorded.getDeadLetter(), kind, recorded.getStaffId(), recorded.getOccurredAt()));
        }
    }

}
