package org.groupenrollment.signup.kafka;

import org.groupenrollment.events.Requester;
import org.groupenrollment.events.SeatAction;
import org.groupenrollment.events.SeatRequest;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.SeatRequestPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a person's request keyed by their group, on the topic co-partitioned with the
 * signups, so the task that owns the group's ledger applies it in order with its signups.
 * Waits for the broker's acknowledgement, like a signup (same producer settings).
 */
@Component
class KafkaSeatRequestPublisher implements SeatRequestPublisher {

    private final KafkaTemplate<String, SeatRequest> template;

    private final EnrollmentTopics topics;

    private final PublishSettings settings;

    KafkaSeatRequestPublisher(KafkaTemplate<String, SeatRequest> template, EnrollmentTopics topics,
            PublishSettings settings) {
        this.template = template;
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void publish(PlaceRequest request) throws RequestNotPublishedException {
        try {
            AcknowledgedSend.send(template, topics.seatRequests(), request.groupId(), toEvent(request),
                    settings.acknowledgementTimeout(), "request " + request.requestId());
        }
        catch (AcknowledgedSend.NotAcknowledged ex) {
            throw new RequestNotPublishedException(ex.getMessage(), ex.getCause());
        }
    }

    static SeatRequest toEvent(PlaceRequest request) {
        return SeatRequest.newBuilder()
            .setRequestId(request.requestId())
            .setGroupId(request.groupId())
            .setAction(SeatAction.valueOf(request.action().name()))
            .setSignupId(request.signupId())
            .setRequestedBy(Requester.PERSON)
            .setRequestedAt(request.requestedAt())
            .build();
    }

}
