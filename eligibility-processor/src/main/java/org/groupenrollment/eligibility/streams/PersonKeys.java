package org.groupenrollment.eligibility.streams;

import java.util.List;
import java.util.Locale;

import org.groupenrollment.events.config.HmacKeys;

/**
 * One person, whatever the case or padding of the email they typed: the keyed hash of the
 * trimmed, lower-cased address. The standings store and its changelog topic hold this
 * rather than the address, and without the secret nobody can tell from an address
 * whether, or in which group (so with which condition), its owner stands.
 */
final class PersonKeys {

    private static final String PURPOSE = "person";

    private final HmacKeys keys;

    PersonKeys(HmacKeys keys) {
        this.keys = keys;
    }

    /** The key a new standing is stored under. */
    String of(String email) {
        return keys.hex(PURPOSE, normalised(email));
    }

    /**
     * The keys a standing may be stored under: the current one first, then those of
     * earlier secrets.
     */
    List<String> candidates(String email) {
        return keys.hexUnderEveryKey(PURPOSE, normalised(email));
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

}
