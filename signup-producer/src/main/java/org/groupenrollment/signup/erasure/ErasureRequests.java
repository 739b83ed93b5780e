package org.groupenrollment.signup.erasure;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.signup.place.Place;
import org.groupenrollment.signup.place.PlaceNow;
import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.PlaceView;
import org.groupenrollment.signup.place.SeatRequestPublisher;
import org.groupenrollment.signup.status.OutcomeView;
import org.springframework.stereotype.Service;

/**
 * A person asking, from the link at the foot of any email, to be forgotten. The link is
 * checked before anything is looked up; the request goes to the processor keyed by the
 * signup's group, like every change to a group, and the processor releases the place,
 * forgets the person and destroys their data keys. The group is found where the service
 * already keeps it (the place, or the decision for someone offered the DBT group).
 */
@Service
public class ErasureRequests {

    private final PlaceLinks links;

    private final PlaceView places;

    private final OutcomeView outcomes;

    private final SeatRequestPublisher publisher;

    private final Clock clock;

    ErasureRequests(HmacKeys keys, PlaceView places, OutcomeView outcomes, SeatRequestPublisher publisher,
            Clock clock) {
        this.links = PlaceLinks.erasures(keys);
        this.places = places;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What an erasure link opens. */
    public Lookup open(String token) {
        Optional<PlaceLinks.Link> link = links.read(token);
        if (link.isEmpty()) {
            return Lookup.NOT_A_LINK;
        }
        if (link.get().hasExpiredBy(clock.instant())) {
            return Lookup.EXPIRED;
        }
        UUID signupId = link.get().signupId();
        if (places.find(signupId).map(PlaceNow::place).map(Place::state).orElse(null) == Place.State.ERASED) {
            return Lookup.ALREADY_ERASED;
        }
        return groupOf(signupId).isPresent() ? Lookup.ERASABLE : Lookup.NOT_YET_KNOWN;
    }

    /**
     * Asks the processor to erase the person of the link's signup, when the link opens
     * one that can be; returns what the link opened.
     */
    public Lookup erase(String token) throws SeatRequestPublisher.RequestNotPublishedException {
        Lookup lookup = open(token);
        if (lookup == Lookup.ERASABLE) {
            UUID signupId = links.read(token).orElseThrow().signupId();
            publisher.publish(new PlaceRequest(UUID.randomUUID(), groupOf(signupId).orElseThrow(), signupId,
                    PlaceRequest.Action.ERASE, clock.instant()));
        }
        return lookup;
    }

    private Optional<String> groupOf(UUID signupId) {
        return places.find(signupId).map(now -> now.place().groupId()).or(() -> outcomes.groupOf(signupId));
    }

    public enum Lookup {

        /** A genuine link whose person can be erased. */
        ERASABLE,
        /** Erased before; nothing is left to do. */
        ALREADY_ERASED,
        /** A genuine link to a signup this instance has not heard of yet. */
        NOT_YET_KNOWN, EXPIRED,
        /** Not made by us, or changed since. */
        NOT_A_LINK

    }

}
