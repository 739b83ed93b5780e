package org.groupenrollment.eligibility.streams;

import java.util.Collection;
import java.util.UUID;

import org.groupenrollment.serde.encryption.DataKeys;

/**
 * The contact the processor keeps for a lasting place, encrypted in its store and its
 * changelog as in the events: under the person's data key, so that erasing the key erases
 * this copy too; and where a person's keys are destroyed when they are erased. Without
 * data keys (encryption off) kept as it came.
 */
final class ContactSealing {

    static final ContactSealing NONE = new ContactSealing(null);

    private final DataKeys keys;

    ContactSealing(DataKeys keys) {
        this.keys = keys;
    }

    SignupEntry sealed(UUID signupId, SignupEntry entry) {
        if (keys == null) {
            return entry;
        }
        if (entry instanceof SignupEntry.Holding holding) {
            return new SignupEntry.Holding(holding.groupId(), holding.personKey(), seal(signupId, holding.contact()));
        }
        if (entry instanceof SignupEntry.InLine inLine) {
            return new SignupEntry.InLine(inLine.groupId(), inLine.personKey(), inLine.ticket(),
                    seal(signupId, inLine.contact()));
        }
        return entry;
    }

    SignupEntry opened(SignupEntry entry) {
        if (keys == null) {
            return entry;
        }
        if (entry instanceof SignupEntry.Holding holding) {
            return new SignupEntry.Holding(holding.groupId(), holding.personKey(), open(holding.contact()));
        }
        if (entry instanceof SignupEntry.InLine inLine) {
            return new SignupEntry.InLine(inLine.groupId(), inLine.personKey(), inLine.ticket(),
                    open(inLine.contact()));
        }
        return entry;
    }

    /**
     * Destroys the data keys of {@code signupIds}; whether there were keys to destroy
     * (none without encryption).
     */
    boolean erase(Collection<UUID> signupIds) {
        if (keys == null) {
            return false;
        }
        signupIds.forEach(signupId -> keys.erase(signupId.toString()));
        return true;
    }

    private Contact seal(UUID signupId, Contact contact) {
        String subject = signupId.toString();
        return new Contact(keys.encrypt(subject, "firstName", contact.firstName()),
                keys.encrypt(subject, "email", contact.email()));
    }

    private Contact open(Contact contact) {
        return new Contact(keys.decrypt("firstName", contact.firstName()), keys.decrypt("email", contact.email()));
    }

}
