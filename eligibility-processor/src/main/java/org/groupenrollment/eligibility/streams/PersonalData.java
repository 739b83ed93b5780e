package org.groupenrollment.eligibility.streams;

import java.util.Collection;
import java.util.UUID;

import org.groupenrollment.events.Applicant;
import org.groupenrollment.serde.encryption.DataKeys;
import org.groupenrollment.serde.encryption.FieldCipher;
import org.groupenrollment.serde.encryption.FieldEncryptionException;

/**
 * What the processor does with personal data when encryption is on. It reads the signups
 * without decrypting them and opens nothing: the person's keys come hashed in the signup
 * (only a signup from before they did has its address opened, for those keys). Names and
 * address travel on as the ciphertext they came in, into its store and its changelog and
 * into the events, whose serializer passes a value already encrypted through untouched.
 * So the store's copy is erased with the key like every other, and a decision costs no
 * cipher operation at all (bench/run). Without data keys (encryption off) everything is
 * as it came.
 */
final class PersonalData {

    private final DataKeys keys;

    PersonalData(DataKeys keys) {
        this.keys = keys;
    }

    /**
     * The applicant's address in clear, as it came when not encrypted.
     * @throws FieldEncryptionException when it cannot be opened
     */
    String email(Applicant applicant) {
        return keys == null ? applicant.getEmail() : keys.decrypt("email", applicant.getEmail());
    }

    /**
     * Whether {@code value} is encrypted under a key this deployment uses; it is checked
     * where it is opened (the notifier checks a name before any email).
     */
    boolean isSealed(String value) {
        return keys != null && FieldCipher.isEncrypted(value);
    }

    /**
     * The entry as it is kept: a contact that came in clear (from a client writing
     * without encryption) encrypted under the place's person's key, an encrypted one as
     * it is.
     */
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
        return new Contact(seal(signupId, "firstName", contact.firstName()), seal(signupId, "email", contact.email()));
    }

    private String seal(UUID signupId, String field, String value) {
        if (FieldCipher.isEncrypted(value)) {
            return value;
        }
        String sealed = keys.encrypt(signupId.toString(), field, value);
        // In the store's changelog within this transaction: the key must outlast it.
        keys.awaitStored(signupId.toString());
        return sealed;
    }

}
