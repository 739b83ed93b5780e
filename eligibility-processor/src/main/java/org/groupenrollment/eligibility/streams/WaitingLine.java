package org.groupenrollment.eligibility.streams;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.groupenrollment.eligibility.decision.Waiting;

/**
 * A group's line in the waitlist store: one entry per place, keyed
 * {@code <group>|<ticket,
 * zero-padded>} so that the store's byte order is the line's order. The lifecycle reads
 * it front first, and only as far as it promotes: a line of thousands costs a decision
 * nothing, and a promotion one seek.
 */
final class WaitingLine implements Iterator<Waiting>, AutoCloseable {

    private static final StringSerializer KEYS = new StringSerializer();

    /** Enough for any long, so that every key of a group has the same length. */
    private static final int TICKET_DIGITS = 19;

    private final KeyValueStore<String, String> store;

    private final String groupId;

    private KeyValueIterator<String, String> entries;

    WaitingLine(KeyValueStore<String, String> store, String groupId) {
        this.store = store;
        this.groupId = groupId;
    }

    static String key(String groupId, long ticket) {
        String digits = Long.toString(ticket);
        return prefix(groupId) + "0".repeat(TICKET_DIGITS - digits.length()) + digits;
    }

    /** One more than the places of the group ahead of {@code ticket}. */
    static int position(KeyValueStore<String, String> store, String groupId, long ticket) {
        int position = 1;
        try (KeyValueIterator<String, String> ahead = store.range(prefix(groupId), key(groupId, ticket - 1))) {
            while (ahead.hasNext()) {
                ahead.next();
                position++;
            }
        }
        return position;
    }

    @Override
    public boolean hasNext() {
        if (entries == null) {
            // Opened on first use: most changes promote nobody and need no seek.
            entries = store.prefixScan(prefix(groupId), KEYS);
        }
        return entries.hasNext();
    }

    @Override
    public Waiting next() {
        if (!hasNext()) {
            throw new NoSuchElementException("Nobody else is waiting for group " + groupId);
        }
        KeyValue<String, String> entry = entries.next();
        return new Waiting(UUID.fromString(entry.value),
                Long.parseLong(entry.key.substring(entry.key.lastIndexOf('|') + 1)));
    }

    @Override
    public void close() {
        if (entries != null) {
            entries.close();
        }
    }

    private static String prefix(String groupId) {
        return groupId + "|";
    }

}
