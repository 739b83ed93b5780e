package org.groupenrollment.eligibility.streams;

import java.util.UUID;

import org.groupenrollment.serde.encryption.DataKeys;

/**
 * The contact the processor keeps for a lasting place, encrypted in its store and its
 * changelog as in the events: under the person's data key, so that erasing the key erases
 * this copy too. Without data keys (encryption off, topology tests) kept as it came.
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

    private Contact seal(UUID signupId, Contact contact) {
        String subject = signupId.toString();
        return new Contact(keys.encrypt(subject, "firstName", contact.firstName()),
                keys.encrypt(subject, "email", contact.email()));
    }

    private Contact open(Contact contact) {
        return new Contact(keys.decrypt("firstName", contact.firstName()), keys.decrypt("email", contact.email()));
    }

}
