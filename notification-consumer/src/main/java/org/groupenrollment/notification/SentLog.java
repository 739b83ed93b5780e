package org.groupenrollment.notification;

/**
 * A durable memory of which notifications went out, so a redelivered outcome sends
 * nothing.
 */
public interface SentLog {

    boolean wasSent(String notificationId);

    void recordSent(String notificationId, String kind);

}
