package org.groupenrollment.console.kafka;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.console.ConsoleSettings;
import org.groupenrollment.console.groups.EmailResends;
import org.groupenrollment.console.groups.GroupRequests;
import org.groupenrollment.events.EmailResendRequested;
import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Staff requests as the processor reads them: keyed by group on the topic co-partitioned
 * with the signups, so the task that owns the group applies them in order with its
 * signups. Resends go to the notifier, keyed by signup id.
 */
@Component
class KafkaGroupRequests implements GroupRequests, EmailResends {

    private final KafkaTemplate<String, Object> template;

    private final EnrollmentTopics topics;

    private final ConsoleSettings settings;

    KafkaGroupRequests(KafkaTemplate<String, Object> template, EnrollmentTopics topics, ConsoleSettings settings) {
        this.template = template;
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void send(GroupRequest request) throws NotSent {
        send(new ProducerRecord<>(topics.seatRequests(), request.groupId(), event(request)));
    }

    @Override
    public void send(ResendRequest request) throws NotSent {
        send(new ProducerRecord<>(topics.emailResends(), request.signupId(), event(request)));
    }

    private void send(ProducerRecord<String, Object> record) throws NotSent {
        try {
            Acknowledged.send(template, record, settings.acknowledgementTimeout());
        }
        catch (Acknowledged.NotAcknowledged ex) {
            throw new NotSent(ex.getMessage(), ex.getCause());
        }
    }

    static SeatRequest event(GroupRequest request) {
        return SeatRequest.newBuilder()
            .setRequestId(UUID.fromString(request.requestId()))
            .setGroupId(request.groupId())
            .setAction(SeatAction.valueOf(request.action().name()))
            .setSignupId(request.signupId() == null ? null : UUID.fromString(request.signupId()))
            .setCohortId(request.cohortId())
            .setCapacity(request.capacity())
            .setRequestedBy(Requester.STAFF)
            .setStaffId(request.staffId())
            .setRequestedAt(request.requestedAt())
            .build();
    }

    static EmailResendRequested event(ResendRequest request) {
        return EmailResendRequested.newBuilder()
            .setRequestId(UUID.fromString(request.requestId()))
            .setSignupId(UUID.fromString(request.signupId()))
            .setTopic(request.source().topic())
            .setPartition(request.source().partition())
            .setOffset(request.source().offset())
            .setStaffId(request.staffId())
            .setRequestedAt(request.requestedAt())
            .build();
    }

}
