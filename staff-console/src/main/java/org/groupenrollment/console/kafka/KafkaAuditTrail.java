package org.groupenrollment.console.kafka;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.groupenrollment.console.ConsoleSettings;
import org.groupenrollment.console.audit.Activity;
import org.groupenrollment.console.audit.AuditTrail;
import org.groupenrollment.events.StaffActivity;
import org.groupenrollment.events.StaffActivityRecorded;
import org.groupenrollment.events.config.EnrollmentTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** The audit trail on its topic, keyed by staff id. */
@Component
class KafkaAuditTrail implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(KafkaAuditTrail.class);

    private final KafkaTemplate<String, Object> template;

    private final EnrollmentTopics topics;

    private final ConsoleSettings settings;

    KafkaAuditTrail(KafkaTemplate<String, Object> template, EnrollmentTopics topics, ConsoleSettings settings) {
        this.template = template;
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void record(Activity activity) {
        try {
            Acknowledged.send(template, new ProducerRecord<>(topics.staffAudit(), activity.staffId(), event(activity)),
                    settings.acknowledgementTimeout());
        }
        catch (Acknowledged.NotAcknowledged ex) {
            log.error("Audit record {} ({}) not written; refusing what it was to record", activity.activityId(),
                    activity.kind(), ex);
            throw new AuditUnavailable("The audit trail cannot be written now.", ex);
        }
    }

    static StaffActivityRecorded event(Activity activity) {
        return StaffActivityRecorded.newBuilder()
            .setActivityId(UUID.fromString(activity.activityId()))
            .setStaffId(activity.staffId())
            .setActivity(StaffActivity.valueOf(activity.kind().name()))
            .setGroupId(activity.groupId())
            .setCohortId(activity.cohortId())
            .setSignupId(activity.signupId() == null ? null : UUID.fromString(activity.signupId()))
            .setRequestId(activity.requestId() == null ? null : UUID.fromString(activity.requestId()))
            .setDeadLetter(activity.deadLetter())
            .setDetail(activity.detail())
            .setOccurredAt(activity.occurredAt())
            .build();
    }

    static Activity activity(StaffActivityRecorded recorded) {
        return new Activity(recorded.getActivityId().toString(), recorded.getStaffId(),
                Activity.Kind.valueOf(recorded.getActivity().name()), recorded.getGroupId(), recorded.getCohortId(),
                recorded.getSignupId() == null ? null : recorded.getSignupId().toString(),
                recorded.getRequestId() == null ? null : recorded.getRequestId().toString(), recorded.getDeadLetter(),
                recorded.getDetail(), recorded.getOccurredAt());
    }

}
