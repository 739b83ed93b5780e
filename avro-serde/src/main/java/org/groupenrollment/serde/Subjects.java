package org.groupenrollment.serde;

/**
 * Confluent's TopicNameStrategy: the only subject naming every dashboard assumes by
 * default.
 */
final class Subjects {

    private Subjects() {
    }

    static String of(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

}
