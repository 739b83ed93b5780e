package org.groupenrollment.signup.place;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.events.links.PlaceLinks;
import org.springframework.stereotype.Service;

/**
 * What a person can do from the link in their email: see their place, confirm a held
 * seat, give up a seat or a place in line. A link is checked before anything is looked
 * up; a request is sent to the processor only when the place, as last published, allows
 * it, and the answer waits briefly for the processor to apply it, so the page can show
 * the outcome rather than a promise. A request the place no longer allows is answered
 * truthfully and sends nothing.
 */
@Service
public class PlaceActions {

    private final PlaceLinks links;

    private final PlaceView places;

    private final SeatRequestPublisher publisher;

    private final Clock clock;

    private final Duration patience;

    PlaceActions(PlaceLinks links, PlaceView places, SeatRequestPublisher publisher, Clock clock,
            PlaceSettings settings) {
        this.links = links;
        this.places = places;
        this.publisher = publisher;
        this.clock = clock;
        this.patience = settings.answerWithin();
    }

    /** The place a link opens. */
    public Lookup open(String token) {
        Optional<PlaceLinks.Link> link = links.read(token);
        if (link.isEmpty()) {
            return new Lookup.NotALink();
        }
        if (link.get().hasExpiredBy(clock.instant())) {
            return new Lookup.Expired();
        }
        return places.find(link.get().signupId()).<Lookup>map(Lookup.Found::new).orElseGet(Lookup.NotYetKnown::new);
    }

    /**
     * Asks for {@code action} on the place the link opens, if the place allows it, and
     * waits a moment for the processor's answer.
     */
    public Outcome act(String token, PlaceRequest.Action action)
            throws SeatRequestPublisher.RequestNotPublishedException {
        Lookup lookup = open(token);
        if (!(lookup instanceof Lookup.Found found)) {
            return new Outcome.NotOpened(lookup);
        }
        Place place = found.now().place();
        Instant now = clock.instant();
        Optional<Refusal> refusal = refusal(place, action, now);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get(), found.now());
        }
        publisher.publish(new PlaceRequest(UUID.randomUUID(), place.groupId(), place.signupId(), action, now));
        return places.awaitChange(place.signupId(), place.changedAt(), patience)
            .<Outcome>map(after -> after.place().changedAt().isAfter(place.changedAt()) ? new Outcome.Applied(after)
                    : new Outcome.Pending(after))
            .orElseGet(() -> new Outcome.Pending(found.now()));
    }

    /**
     * Why the place, as last published, does not allow the action; empty when it does.
     */
    static Optional<Refusal> refusal(Place place, PlaceRequest.Action action, Instant now) {
        Place.State state = place.state();
        if (state.isOver()) {
            return Optional.of(Refusal.PLACE_ENDED);
        }
        return switch (action) {
            case CONFIRM -> {
                if (state == Place.State.CONFIRMED) {
                    yield Optional.of(Refusal.ALREADY_CONFIRMED);
                }
                if (state != Place.State.HELD) {
                    yield Optional.of(Refusal.NOTHING_TO_CONFIRM);
                }
                yield place.holdExpiresAt().isAfter(now) ? Optional.empty() : Optional.of(Refusal.HOLD_RAN_OUT);
            }
            case CANCEL, ERASE -> Optional.empty();
            case LEAVE_WAITLIST ->
                (state == Place.State.WAITLISTED) ? Optional.empty() : Optional.of(Refusal.NOT_WAITING);
        };
    }

    /** What a link opened. */
    public sealed interface Lookup {

        record Found(PlaceNow now) implements Lookup {
        }

        /** A genuine link to a place this instance has not heard of yet. */
        record NotYetKnown() implements Lookup {
        }

        record Expired() implements Lookup {
        }

        /** Not made by us, or changed since. */
        record NotALink() implements Lookup {
        }

    }

    public enum Refusal {

        PLACE_ENDED, ALREADY_CONFIRMED, NOTHING_TO_CONFIRM, HOLD_RAN_OUT, NOT_WAITING

    }

    /** The answer to a request. */
    public sealed interface Outcome {

        /** The processor applied it: the place as it stands now. */
        record Applied(PlaceNow now) implements Outcome {
        }

        /** Sent, but not applied yet within the wait; it will be. */
        record Pending(PlaceNow before) implements Outcome {
        }

        /** Not sent: the place does not allow it. */
        record Refused(Refusal why, PlaceNow now) implements Outcome {
        }

        record NotOpened(Lookup lookup) implements Outcome {
        }

    }

}
