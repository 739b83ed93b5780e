package org.groupenrollment.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Signups as the producer publishes them, named for the person they stand for. */
public final class Signups {

    static {
        // Copying a signup (redeliveryOf) instantiates generated classes, which Avro 1.12
        // must be told to trust.
        EventPackage.trust();
    }

    private Signups() {
    }

    /** Every field filled in, as the web form sends it. */
    public static SignupSubmitted newYorkResidentAskingForAnxiety() {
        return SignupSubmitted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setApplicant(Applicant.newBuilder()
                .setFirstName("Maya")
                .setLastName("Lindqvist")
                .setEmail("maya@example.org")
                .setPhone("+1 212 555 0100")
                .build())
            .setStateOfResidence("NY")
            .setRequestedGroup("anxiety")
            .setIdempotencyKey("5b1f2c8e-form-retry")
            .setSource(SignupSource.WEB_FORM)
            .build();
    }

    /**
     * A fresh signup (new id) from the person with this email, living in {@code state},
     * for {@code group}.
     */
    public static SignupSubmitted submitted(String email, String state, String group) {
        return SignupSubmitted.newBuilder()
            .setSignupId(UUID.randomUUID())
            .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setApplicant(Applicant.newBuilder().setFirstName("Pat").setLastName("Doe").setEmail(email).build())
            .setStateOfResidence(state)
            .setRequestedGroup(group)
            .setSource(SignupSource.API)
            .build();
    }

    /**
     * The same signup (same id) delivered again, as a producer retry or a redelivery
     * would.
     */
    public static SignupSubmitted redeliveryOf(SignupSubmitted signup) {
        return SignupSubmitted.newBuilder(signup).build();
    }

}
