package org.groupenrollment.events;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it was not told to
 * trust. Code that reads events into their generated classes without the registry
 * deserializer (which trusts the packages named in {@code avro.trusted.packages}) calls
 * {@link #trust()} first.
 */
public final class EventPackage {

    public static final String NAME = EventPackage.class.getPackageName();

    private static volatile boolean trusted;

    private EventPackage() {
    }

    public static synchronized void trust() {
        if (!trusted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                    type -> NAME.equals(type.getPackageName())));
            trusted = true;
        }
    }

}
