package org.groupenrollment.console.kafka;

import org.groupenrollment.console.audit.Erasure;
import org.groupenrollment.console.audit.RecentActivity;
import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.events.PersonalDataErased;
import org.groupenrollment.events.Requester;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the erasures the processor recorded: the board forgets each erased person, their
 * place's history says when, and the audit page lists who asked and when it was done.
 */
@Component
class ErasureListener {

    private final Board board;

    private final RecentActivity recent;

    ErasureListener(Board board, RecentActivity recent) {
        this.board = board;
        this.recent = recent;
    }

    @KafkaListener(id = "console-erasures", topics = "${enrollment.topics.erasures}",
            containerFactory = "eventListenerContainerFactory")
    void on(PersonalDataErased erased) {
        Erasure erasure = new Erasure(erased.getSignupId().toString(),
                erased.getErasedSignupIds().stream().map(Object::toString).toList(), erased.getKeysDestroyed(),
                erased.getRequestedBy() == Requester.STAFF ? erased.getStaffId() : null, erased.getRequestedAt(),
                erased.getErasedAt());
        board.forget(erasure.erasedSignupIds());
        // The first signup erased holds the place, whichever of the person's links asked.
        board.on(new Happening(erasure.erasedSignupIds().get(0), erasure.erasedAt(), Happening.Kind.ERASED,
                "asked by " + erasure.askedBy(), null));
        recent.on(erasure);
    }

}
