package org.groupenrollment.console.kafka;

import org.groupenrollment.console.audit.RecentActivity;
import org.groupenrollment.console.deadletters.DeadLetterShelf;
import org.groupenrollment.console.deadletters.Disposition;
import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.events.StaffActivity;
import org.groupenrollment.events.StaffActivityRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail back: the latest records for the audit page, what staff did with
 * each dead letter, and emails sent again in a place's history, so every instance and
 * every restart shows them.
 */
@Component
class AuditListener {

    private final RecentActivity recent;

    private final DeadLetterShelf shelf;

    private final Board board;

    AuditListener(RecentActivity recent, DeadLetterShelf shelf, Board board) {
        this.recent = recent;
        this.shelf = shelf;
        this.board = board;
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
        if (recorded.getActivity() == StaffActivity.RESENT_LAST_EMAIL && recorded.getSignupId() != null) {
            board.on(new Happening(recorded.getSignupId().toString(), recorded.getOccurredAt(),
                    Happening.Kind.EMAIL_RESENT, "by " + recorded.getStaffId(), null));
        }
        if (kind != null && recorded.getDeadLetter() != null) {
            shelf.on(new Disposition(recorded.getDeadLetter(), kind, recorded.getStaffId(), recorded.getOccurredAt()));
        }
    }

}
