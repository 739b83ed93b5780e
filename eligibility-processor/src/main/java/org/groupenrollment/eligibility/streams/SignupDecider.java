package org.groupenrollment.eligibility.streams;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.Decision;
import org.groupenrollment.eligibility.decision.EligibilityPolicy;
import org.groupenrollment.eligibility.decision.Signup;
import org.groupenrollment.eligibility.decision.Standing;
import org.groupenrollment.events.SignupSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a group's ledger: signups are keyed by group, so one task owns
 * each group, and with exactly_once_v2 the store updates and the outcome commit in one
 * transaction. Values arrive as bytes so that a record that does not deserialize is
 * dead-lettered here, inside the same transaction, instead of stopping the partition.
 */
final class SignupDecider implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SignupDecider.class);

    private final EligibilityPolicy policy;

    private final Deserializer<SignupSubmitted> deserializer;

    private final PersonKeys personKeys;

    private final Clock clock;

    private ProcessorContext<String, Object> context;

    private KeyValueStore<String, String> ledgers;

    private KeyValueStore<String, String> standings;

    private KeyValueStore<String, String> decided;

    SignupDecider(EligibilityPolicy policy, Deserializer<SignupSubmitted> deserializer, PersonKeys personKeys,
            Clock clock) {
        this.policy = policy;
        this.deserializer = deserializer;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.ledgers = context.getStateStore(EligibilityTopology.LEDGER_STORE);
        this.standings = context.getStateStore(EligibilityTopology.STANDING_STORE);
        this.decided = context.getStateStore(EligibilityTopology.DECIDED_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        SignupSubmitted signup;
        try {
            signup = deserializer.deserialize(origin.topic(), record.headers(), record.value());
            if (signup == null) {
                throw new SerializationException("A signup record has no value");
            }
            SignupValidation.check(signup, policy.rules());
        }
        catch (SerializationException | SignupValidation.InvalidSignupException ex) {
            log.warn("Dead-lettering the record at {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(),
                    ex.getMessage(), ex);
            DeadLetterHeaders.describe(record.headers(), ex, origin);
            context.forward(record, EligibilityTopology.DEAD_LETTER);
            return;
        }
        decide(record, signup);
    }

    private void decide(Record<String, byte[]> record, SignupSubmitted signup) {
        String signupId = signup.getSignupId().toString();
        if (decided.get(signupId) != null) {
            log.debug("Signup {} was decided before; a redelivered copy gets no second outcome", signupId);
            return;
        }
        String groupId = signup.getRequestedGroup();
        List<String> personKeyCandidates = personKeys.candidates(signup.getApplicant().getEmail());
        Signup request = new Signup(signup.getSignupId(), signup.getStateOfResidence(), groupId,
                personKeyCandidates.get(0));
        String standingKey = standingKey(groupId, request.personKey());
        Optional<Standing> existing = existingStanding(groupId, personKeyCandidates);

        EligibilityPolicy.Outcome outcome = policy.decide(request, LedgerCodec.decodeLedger(ledgers.get(groupId)),
                existing);

        outcome.newStanding().ifPresent(standing -> {
            standings.put(standingKey, LedgerCodec.encode(standing));
            ledgers.put(groupId, LedgerCodec.encode(outcome.ledger()));
        });
        decided.put(signupId, outcome.decision().getClass().getSimpleName());
        publish(outcome.decision(), signup, record.timestamp());
        log.debug("Signup {} decided: {}", signupId, outcome.decision().getClass().getSimpleName());
    }

    /**
     * Looked up under the current secret's key first, then, after a rotation, the
     * previous ones'.
     */
    private Optional<Standing> existingStanding(String groupId, List<String> personKeyCandidates) {
        return personKeyCandidates.stream()
            .map(personKey -> standings.get(standingKey(groupId, personKey)))
            .filter(Objects::nonNull)
            .findFirst()
            .map(LedgerCodec::decodeStanding);
    }

    private static String standingKey(String groupId, String personKey) {
        return groupId + "|" + personKey;
    }

    private void publish(Decision decision, SignupSubmitted signup, long timestamp) {
        OutcomeEvents events = new OutcomeEvents(policy.rules(), signup, clock.instant());
        String key = signup.getSignupId().toString();
        if (decision instanceof Decision.SeatReserved seat) {
            forward(key, events.seatReserved(seat), timestamp, EligibilityTopology.SEAT_RESERVED);
        }
        else if (decision instanceof Decision.Waitlisted waitlisted) {
            forward(key, events.waitlisted(waitlisted), timestamp, EligibilityTopology.WAITLISTED);
        }
        else if (decision instanceof Decision.RedirectedToDbt redirect) {
            forward(key, events.redirectedToDbt(redirect), timestamp, EligibilityTopology.REDIRECTED_TO_DBT);
        }
    }

    private void forward(String key, Object event, long timestamp, String sink) {
        context.forward(new Record<>(key, event, timestamp), sink);
    }

}
