package org.groupenrollment.events.contact;

import java.util.List;
import java.util.Locale;

import org.groupenrollment.events.config.HmacKeys;

/**
 * One person, whatever the case or padding of the email they typed: the keyed hash of the
 * trimmed, lower-cased address. The signup service, which holds the address in clear,
 * puts these in each signup, so that the processor knows a person again without opening
 * their address; the standings store and its changelog topic hold them rather than the
 * address, and without the secret nobody can tell from an address whether, or in which
 * group (so with which condition), its owner stands.
 */
public final class PersonKeys {

    private static final String PURPOSE = "person";

    private final HmacKeys keys;

    public PersonKeys(HmacKeys keys) {
        this.keys = keys;
    }

    /** The key a new standing is stored under. */
    public String of(String email) {
        return keys.hex(PURPOSE, normalised(email));
    }

    /**
     * The keys a standing may be stored under: the current one first, then those of
     * earlier secrets.
     */
    public List<String> candidates(String email) {
        return keys.hexUnderEveryKey(PURPOSE, normalised(email));
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

}
