package org.groupenrollment.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.groupenrollment.events.Applicant;
import org.groupenrollment.events.SignupSource;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.GroupCatalog;
import org.groupenrollment.events.contact.PersonKeys;

/** Realistic signups spread over the catalog: five in six from the licensed states. */
final class Signups {

    static final List<String> GROUPS = List.copyOf(GroupCatalog.packaged().groups().keySet());

    private static final List<String> STATES = List.of("NY", "FL", "NJ", "NY", "NJ", "TX");

    private Signups() {
    }

    /**
     * Signup {@code i}, with its person's keyed hashes as the signup service adds them.
     */
    static SignupSubmitted number(int i, PersonKeys keys) {
        String email = "bench" + i + "@example.org";
        return SignupSubmitted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setSubmittedAt(Instant.now())
            .setApplicant(Applicant.newBuilder()
                .setFirstName(firstName(i))
                .setLastName("Person")
                .setEmail(email)
                .setPhone("+1 212 555 0100")
                .build())
            .setStateOfResidence(STATES.get(i % STATES.size()))
            .setRequestedGroup(GROUPS.get(i % GROUPS.size()))
            .setIdempotencyKey(UUID.randomUUID().toString())
            .setSource(SignupSource.WEB_FORM)
            .setPersonKeys(keys.candidates(email))
            .build();
    }

    static String json(int i, String emailPrefix) {
        return """
                {"firstName":"%s","lastName":"Person","email":"%s%d@example.org","state":"%s","group":"%s"}"""
            .formatted(firstName(i), emailPrefix, i, STATES.get(i % STATES.size()), GROUPS.get(i % GROUPS.size()));
    }

    /**
     * A name of letters only, as the pipeline's rules want it, and still one per number:
     * 12 is "Benchbc".
     */
    private static String firstName(int i) {
        StringBuilder name = new StringBuilder("Bench");
        String.valueOf(i).chars().forEach(digit -> name.append((char) ('a' + digit - '0')));
        return name.toString();
    }

}
