package org.groupenrollment.eligibility.streams;

import java.util.UUID;

import org.groupenrollment.events.PlaceState;

/**
 * What the processor remembers of each signup it decided, by signup id: that it was
 * decided (so a redelivered copy gets no second outcome) and, for a place, whose it is
 * and how to email them while it lasts. The one store that holds contact details, so the
 * erasure work has one place to look; they are dropped when the place ends.
 */
sealed interface SignupEntry {

    /** A place that lasts: whose it is, and how to email them about it. */
    sealed interface Lasting extends SignupEntry {

        String personKey();

        Contact contact();

    }

    /** Decided without a place of its own (redirected, or from before places). */
    record Decided() implements SignupEntry {
    }

    /** Its person already stood in the group: the place is {@code original}'s. */
    record SameAs(UUID original) implements SignupEntry {
    }

    /** Holds a seat; which, and until when, the group's ledger says. */
    record Holding(String groupId, String personKey, Contact contact) implements Lasting {
    }

    record InLine(String groupId, String personKey, long ticket, Contact contact) implements Lasting {
    }

    /** The place ended, {@code how}; nothing personal is kept. */
    record Ended(String groupId, PlaceState how) implements SignupEntry {
    }

}
