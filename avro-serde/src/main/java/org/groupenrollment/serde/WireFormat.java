package org.groupenrollment.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing: magic byte 0, the schema id as a 4-byte big-endian int, then Avro
 * binary.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static ByteBuffer header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).flip();
    }

    /**
     * The schema id of a framed payload, or a clear error saying why the bytes are not
     * one.
     */
    static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize a record of topic " + topic + ": " + payload.length
                    + " bytes is fewer than the 5 of Confluent's wire format header (magic byte and schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Cannot deserialize a record of topic %s: unknown magic byte 0x%02x, expected 0x00 (Confluent wire format)",
                    topic, payload[0]));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

}
