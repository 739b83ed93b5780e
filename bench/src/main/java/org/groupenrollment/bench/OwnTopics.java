package org.groupenrollment.bench;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.groupenrollment.events.config.EnrollmentTopics;

/**
 * Every topic of the pipeline but the data keys' under a benchmark's own prefix, with the
 * arguments that point a service at them: a phase never meets the records, or the
 * partition counts, of another phase or of the pipeline's own topics.
 */
record OwnTopics(EnrollmentTopics names, List<String> arguments) {

    static OwnTopics prefixed(String prefix, int partitions) {
        EnrollmentTopics shared = EnrollmentTopics.fromSharedConfiguration();
        RecordComponent[] components = EnrollmentTopics.class.getRecordComponents();
        Object[] values = new Object[components.length];
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Object value = read(components[i], shared);
            // The data keys are one store for every service of a run, as in a deployment.
            if (value instanceof String topic && !components[i].getName().equals("dataKeys")) {
                value = prefix + topic;
                arguments.add("--enrollment.topics." + kebab(components[i].getName()) + "=" + value);
            }
            values[i] = value;
        }
        arguments.add("--enrollment.topics.partitions=" + partitions);
        values[indexOf(components, "partitions")] = partitions;
        return new OwnTopics(construct(components, values), List.copyOf(arguments));
    }

    private static Object read(RecordComponent component, EnrollmentTopics topics) {
        try {
            return component.getAccessor().invoke(topics);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static EnrollmentTopics construct(RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
            return EnrollmentTopics.class.getDeclaredConstructor(types).newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("EnrollmentTopics has no " + name);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

}
