package org.groupenrollment.eligibility.streams;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.groupenrollment.eligibility.decision.Decision;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.Signup;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.contact.PersonKeys;
import org.groupenrollment.serde.encryption.FieldEncryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a group's ledger, for signups: they are keyed by group, so one
 * task owns each group, and with exactly_once_v2 the store updates and the events commit
 * in one transaction. Values arrive as bytes so that a record that does not deserialize
 * is dead-lettered here, inside the same transaction, instead of stopping the partition.
 */
final class SignupDecider implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SignupDecider.class);

    private final EligibilityPolicy policy;

    private final Deserializer<SignupSubmitted> deserializer;

    private final PersonKeys personKeys;

    private ProcessorContext<String, Object> context;

    private GroupState groups;

    private final RecordTracing tracing;

    private final PersonalData personalData;

    SignupDecider(EligibilityPolicy policy, Deserializer<SignupSubmitted> deserializer, PersonKeys personKeys,
            RecordTracing tracing, PersonalData personalData) {
        this.policy = policy;
        this.personalData = personalData;
        this.deserializer = deserializer;
        this.personKeys = personKeys;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.groups = new GroupState(context, policy.rules(), tracing, personalData);
    }

    /** In a span continuing the trace of the request that submitted the signup. */
    @Override
    public void process(Record<String, byte[]> record) {
        tracing.around("decide signup", record.headers(), () -> decide(record));
    }

    private void decide(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        SignupSubmitted signup;
        List<String> personKeyCandidates;
        try {
            signup = deserializer.deserialize(origin.topic(), record.headers(), record.value());
            if (signup == null) {
                throw new SerializationException("A signup record has no value");
            }
            SignupValidation.check(signup, personalData::isSealed, policy.rules());
            personKeyCandidates = personKeyCandidates(signup);
        }
        catch (SerializationException | FieldEncryptionException | SignupValidation.InvalidSignupException ex) {
            DeadLetterHeaders.deadLetter(context, record, origin, ex, EligibilityTopology.SIGNUPS_DEAD_LETTER);
            return;
        }
        decide(signup, personKeyCandidates, record.timestamp());
    }

    /**
     * The keys the person may stand under, current first: as the signup service hashed
     * the address, or hashed here from the address itself (opened when encrypted) for a
     * signup from before it did.
     */
    private List<String> personKeyCandidates(SignupSubmitted signup) {
        if (!signup.getPersonKeys().isEmpty()) {
            return signup.getPersonKeys();
        }
        String email = personalData.email(signup.getApplicant());
        SignupValidation.checkOpened(signup, email);
        return personKeys.candidates(email);
    }

    private void decide(SignupSubmitted signup, List<String> personKeyCandidates, long timestamp) {
        UUID signupId = signup.getSignupId();
        if (groups.entry(signupId).isPresent()) {
            log.debug("Signup {} was decided before; a redelivered copy gets no second outcome", signupId);
            if (groups.wasErased(signupId)) {
                groups.eraseAgain(signupId);
            }
            return;
        }
        String groupId = signup.getRequestedGroup();
        TherapyGroup group = policy.rules().group(groupId).orElseThrow();
        GroupLedger ledger = groups.ledger(groupId);
        Optional<GroupState.Existing> existing = groups.standing(groupId, personKeyCandidates, ledger);

        EligibilityPolicy.Outcome outcome = policy.decide(
                new Signup(signupId, signup.getStateOfResidence(), groupId, personKeyCandidates.get(0)), ledger,
                existing.map(GroupState.Existing::standing), groups.now());

        Contact contact = new Contact(signup.getApplicant().getFirstName(), signup.getApplicant().getEmail());
        if (outcome.newPlace()) {
            groups.placeGiven(group, signupId, personKeyCandidates.get(0), contact, outcome.decision(),
                    outcome.ledger(), timestamp);
        }
        else if (existing.isPresent()) {
            groups.restated(groupId, signupId, existing.get(), ledger, timestamp);
        }
        else {
            groups.decidedWithoutPlace(signupId);
        }
        publish(outcome.decision(), signup, contact, timestamp);
        log.debug("Signup {} decided: {}", signupId, outcome.decision().getClass().getSimpleName());
    }

    private void publish(Decision decision, SignupSubmitted signup, Contact contact, long timestamp) {
        ProcessorMetrics.decided(decision, signup.getRequestedGroup());
        AvroEvents events = new AvroEvents(policy.rules(), groups.now());
        UUID signupId = signup.getSignupId();
        if (decision instanceof Decision.SeatReserved seat) {
            forward(signupId, events.seatReserved(signupId, contact, seat), timestamp,
                    EligibilityTopology.SEAT_RESERVED);
        }
        else if (decision instanceof Decision.Waitlisted waitlisted) {
            forward(signupId, events.waitlisted(signupId, contact, waitlisted), timestamp,
                    EligibilityTopology.WAITLISTED);
        }
        else if (decision instanceof Decision.RedirectedToDbt redirect) {
            forward(signupId, events.redirectedToDbt(signupId, contact, signup.getRequestedGroup(),
                    signup.getStateOfResidence(), redirect), timestamp, EligibilityTopology.REDIRECTED_TO_DBT);
        }
    }

    private void forward(UUID signupId, Object event, long timestamp, String sink) {
        context.forward(new Record<>(signupId.toString(), event, timestamp, tracing.outgoing()), sink);
    }

}
