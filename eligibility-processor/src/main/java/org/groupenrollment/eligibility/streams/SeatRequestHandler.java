package org.groupenrollment.eligibility.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.Cancellable;
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
import org.groupenrollment.eligibility.decision.Waiting;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a group's ledger, for everything after the signup: requests keyed
 * by group (confirm, cancel, leave the line, change a capacity, erase a person) are
 * applied by the task that owns the group, in order with its signups, each once however
 * often it is delivered; holds that run out are released on a wall-clock schedule, inside
 * the same exactly-once transactions. A request that cannot be read or makes no sense is
 * dead-lettered, never retried; one that finds its place already changed is answered for
 * what it found and changes nothing.
 */
final class SeatRequestHandler implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SeatRequestHandler.class);

    /**
     * Soon after a task starts, so that the availability topic holds every group with a
     * ledger (one without has had no signup: all its seats are free).
     */
    private static final Duration FIRST_AVAILABILITY = Duration.ofSeconds(1);

    private final EligibilityRules rules;

    private final SeatLifecycle lifecycle;

    private final Deserializer<SeatRequest> deserializer;

    private final Duration expiryCheck;

    private ProcessorContext<String, Object> context;

    private GroupState groups;

    private KeyValueStore<String, String> applied;

    private Cancellable firstAvailability;

    private final RecordTracing tracing;

    private final PersonalData personalData;

    SeatRequestHandler(EligibilityRules rules, Deserializer<SeatRequest> deserializer, Duration expiryCheck,
            RecordTracing tracing, PersonalData personalData) {
        this.rules = rules;
        this.personalData = personalData;
        this.lifecycle = new SeatLifecycle(rules);
        this.deserializer = deserializer;
        this.expiryCheck = expiryCheck;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.groups = new GroupState(context, rules, tracing, personalData);
        this.applied = context.getStateStore(EligibilityTopology.REQUEST_STORE);
        context.schedule(expiryCheck, PunctuationType.WALL_CLOCK_TIME, this::expireHolds);
        firstAvailability = context.schedule(FIRST_AVAILABILITY, PunctuationType.WALL_CLOCK_TIME,
                this::publishAvailability);
    }

    /** In a span continuing the trace of the page or console that sent the request. */
    @Override
    public void process(Record<String, byte[]> record) {
        tracing.around("apply seat request", record.headers(), () -> applyRequest(record));
    }

    private void applyRequest(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        SeatRequest request;
        TherapyGroup group;
        try {
            request = deserializer.deserialize(origin.topic(), record.headers(), record.value());
            group = SeatRequestValidation.check(request, record.key(), rules);
        }
        catch (SerializationException | SeatRequestValidation.InvalidRequestException ex) {
            DeadLetterHeaders.deadLetter(context, record, origin, ex, EligibilityTopology.SEAT_REQUESTS_DEAD_LETTER);
            return;
        }
        String requestId = request.getRequestId().toString();
        if (applied.get(requestId) != null) {
            log.debug("Request {} was applied before; a redelivered copy changes nothing", requestId);
            return;
        }
        SeatLifecycle.Result result = apply(request, group, groups.ledger(group.id()), groups.now());
        groups.apply(group, result, record.timestamp(), request);
        applied.put(requestId, result.answer().name());
        log.info("Request {} ({} by {}) for group {}: {}", requestId, request.getAction(), request.getRequestedBy(),
                group.id(), result.answer());
    }

    private SeatLifecycle.Result apply(SeatRequest request, TherapyGroup group, GroupLedger ledger, Instant now) {
        if (request.getAction() == SeatAction.CHANGE_CAPACITY) {
            try (WaitingLine line = groups.line(group.id())) {
                return lifecycle.changeCapacity(group, ledger, group.cohort(request.getCohortId()).orElseThrow(),
                        request.getCapacity(), now, line);
            }
        }
        // A later signup of the same person stands for their place.
        UUID placeId = request.getSignupId();
        Optional<SignupEntry> entry = groups.entry(placeId);
        if (entry.orElse(null) instanceof SignupEntry.SameAs sameAs) {
            placeId = sameAs.original();
            entry = groups.entry(placeId);
        }
        Optional<Waiting> waiting = (entry.orElse(null) instanceof SignupEntry.InLine inLine
                && inLine.groupId().equals(group.id())) ? Optional.of(new Waiting(placeId, inLine.ticket()))
                        : Optional.empty();
        SeatLifecycle.Requester by = SeatRequestValidation.requester(request);
        return switch (request.getAction()) {
            case CONFIRM -> lifecycle.confirm(ledger, placeId, now);
            case LEAVE_WAITLIST -> lifecycle.leaveWaitlist(ledger, waiting, by);
            case CANCEL -> {
                try (WaitingLine line = groups.line(group.id())) {
                    yield lifecycle.cancel(group, ledger, placeId, waiting, by, now, line);
                }
            }
            case ERASE -> {
                try (WaitingLine line = groups.line(group.id())) {
                    yield lifecycle.erase(group, ledger, placeId, waiting, now, line);
                }
            }
            default -> throw new IllegalStateException("Checked before: " + request.getAction());
        };
    }

    /**
     * Releases the holds that ran out in this task's groups, and fills their seats again.
     */
    private void expireHolds(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (String groupId : ledgerGroups()) {
            GroupLedger ledger = groups.ledger(groupId);
            Optional<TherapyGroup> group = rules.group(groupId);
            if (group.isPresent() && ledger.hasHoldRunOutBy(now)) {
                try (WaitingLine line = groups.line(groupId)) {
                    SeatLifecycle.Result result = lifecycle.expireHolds(group.get(), ledger, now, line);
                    groups.apply(group.get(), result, wallClockMs, null);
                    long released = result.changes()
                        .stream()
                        .filter(SeatLifecycle.Change.Released.class::isInstance)
                        .count();
                    ProcessorMetrics.holdsExpired(groupId, released);
                    log.info("Released {} holds that ran out in group {}", released, groupId);
                }
            }
        }
    }

    /**
     * Publishes the availability of every group this task holds, once after it starts:
     * ledgers from before the topic existed show up, and the topic heals if a change's
     * record was ever lost.
     */
    private void publishAvailability(long wallClockMs) {
        firstAvailability.cancel();
        for (String groupId : ledgerGroups()) {
            rules.group(groupId)
                .ifPresent(group -> groups.publishAvailability(group, groups.ledger(groupId), wallClockMs));
        }
    }

    private List<String> ledgerGroups() {
        List<String> groupIds = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = groups.allLedgers()) {
            all.forEachRemaining(entry -> groupIds.add(entry.key));
        }
        return groupIds;
    }

}
