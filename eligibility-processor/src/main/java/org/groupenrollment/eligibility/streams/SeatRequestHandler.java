package org.groupenrollment.eligibility.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.EligibilityRules;
import org.groupenrollment.eligibility.decision.GroupLedger;
import org.groupenrollment.eligibility.decision.SeatLifecycle;
import org.groupenrollment.eligibility.decision.TherapyGroup;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the requests that change a group (confirm, cancel, leave the waitlist, change a
 * capacity) in the task that owns the group's ledger, in order with its signups, each
 * request once however often it is delivered; and releases the holds that run out, on a
 * wall-clock schedule inside the same exactly-once transactions. A request that cannot be
 * read or makes no sense is dead-lettered, never retried.
 */
final class SeatRequestHandler implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SeatRequestHandler.class);

    private final EligibilityRules rules;

    private final SeatLifecycle lifecycle;

    private final Deserializer<SeatRequest> deserializer;

    private final Duration expiryCheck;

    private ProcessorContext<String, Object> context;

    private GroupState groups;

    private KeyValueStore<String, String> applied;

    SeatRequestHandler(EligibilityRules rules, Deserializer<SeatRequest> deserializer, Duration expiryCheck) {
        this.rules = rules;
        this.lifecycle = new SeatLifecycle(rules);
        this.deserializer = deserializer;
        this.expiryCheck = expiryCheck;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.groups = new GroupState(context, rules);
        this.applied = context.getStateStore(EligibilityTopology.DECIDED_STORE);
        context.schedule(expiryCheck, PunctuationType.WALL_CLOCK_TIME, this::expireHolds);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        SeatRequest request;
        TherapyGroup group;
        try {
            request = deserializer.deserialize(origin.topic(), record.headers(), record.value());
            group = check(request, record.key());
        }
        catch (SerializationException | InvalidRequestException ex) {
            log.warn("Dead-lettering the request at {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(),
                    ex.getMessage(), ex);
            DeadLetterHeaders.describe(record.headers(), ex, origin);
            context.forward(record, EligibilityTopology.SEAT_REQUESTS_DEAD_LETTER);
            return;
        }
        String appliedKey = "request:" + request.getRequestId();
        if (applied.get(appliedKey) != null) {
            log.debug("Request {} was applied before; a redelivered copy changes nothing", request.getRequestId());
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        SeatLifecycle.Result result = apply(request, group, groups.ledger(group.id()), now);
        groups.apply(group, result, now, record.timestamp(), request.getRequestId(), request.getStaffId());
        applied.put(appliedKey, result.answer().name());
        log.info("Request {} ({}) for group {}: {}", request.getRequestId(), request.getAction(), group.id(),
                result.answer());
    }

    private SeatLifecycle.Result apply(SeatRequest request, TherapyGroup group, GroupLedger ledger, Instant now) {
        return switch (request.getAction()) {
            case CONFIRM -> lifecycle.confirm(ledger, request.getSignupId(), now);
            case CANCEL, LEAVE_WAITLIST ->
                lifecycle.cancel(group, ledger, request.getSignupId(), requester(request), now);
            case CHANGE_CAPACITY ->
                lifecycle.changeCapacity(group, ledger, request.getCohortId(), request.getCapacity(), now);
            case UNKNOWN -> throw new IllegalStateException("checked before");
        };
    }

    private static SeatLifecycle.Requester requester(SeatRequest request) {
        return (request.getRequestedBy() == Requester.STAFF) ? SeatLifecycle.Requester.STAFF
                : SeatLifecycle.Requester.PERSON;
    }

    /** The group the request is for, once it is known to make sense. */
    private TherapyGroup check(SeatRequest request, String key) throws InvalidRequestException {
        if (request == null) {
            throw new InvalidRequestException("A request record has no value");
        }
        if (!request.getGroupId().equals(key)) {
            // Keyed otherwise, it may sit in a partition whose task does not own the
            // group.
            throw new InvalidRequestException("The request is not keyed by the group it names");
        }
        TherapyGroup group = rules.group(request.getGroupId())
            .orElseThrow(() -> new InvalidRequestException("The request names a group the catalog does not hold"));
        SeatAction action = request.getAction();
        if (action == SeatAction.UNKNOWN) {
            throw new InvalidRequestException("The request's action is not one this version applies");
        }
        if (action == SeatAction.CHANGE_CAPACITY) {
            boolean knownCohort = request.getCohortId() != null
                    && group.cohorts().stream().anyMatch(cohort -> cohort.id().equals(request.getCohortId()));
            if (!knownCohort || request.getCapacity() == null || request.getCapacity() < 0
                    || request.getStaffId() == null || request.getRequestedBy() != Requester.STAFF) {
                throw new InvalidRequestException(
                        "A capacity change needs a cohort of the group, a capacity of 0 or more, and a staff member");
            }
        }
        else if (request.getSignupId() == null) {
            throw new InvalidRequestException("The request names no signup");
        }
        return group;
    }

    /**
     * Releases the holds that ran out in this task's groups, and fills their seats again.
     */
    private void expireHolds(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<String> groupIds = new ArrayList<>();
        try (KeyValueIterator<String, String> all = groups.ledgers().all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                groupIds.add(entry.key);
            }
        }
        for (String groupId : groupIds) {
            rules.group(groupId).ifPresent(group -> {
                SeatLifecycle.Result result = lifecycle.expireHolds(group, groups.ledger(groupId), now);
                groups.apply(group, result, now, wallClockMs, null, null);
            });
        }
    }

    static final class InvalidRequestException extends Exception {

        InvalidRequestException(String message) {
            super(message);
        }

    }

}
