package org.groupenrollment.eligibility.streams;

/**
 * How to email a person who holds a place: just what the emails about it need, kept while
 * the place lasts and dropped when it ends.
 */
record Contact(String firstName, String email) {
}
