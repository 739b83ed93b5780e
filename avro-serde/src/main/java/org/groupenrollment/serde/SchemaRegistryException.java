package org.groupenrollment.serde;

/**
 * An answer from the registry that is not a success, with the HTTP status and Confluent's
 * error code (40401 subject not found, 40403 schema not found, 409 incompatible, ...).
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;

    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isIncompatibleSchema() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }

}
