package org.groupenrollment.signup.place;

/**
 * A place as it stands now: {@code position} is its place in line (1 for the front), or 0
 * when it is not waiting.
 */
public record PlaceNow(Place place, int position) {
}
