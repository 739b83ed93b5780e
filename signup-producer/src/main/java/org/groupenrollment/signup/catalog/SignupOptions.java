package org.groupenrollment.signup.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.groupenrollment.events.config.GroupCatalog;
import org.springframework.stereotype.Component;

/**
 * What a person can choose on the form: the groups of the shared catalog and the states.
 */
@Component
public class SignupOptions {

    private final Map<String, String> groupNames = new LinkedHashMap<>();

    private final Map<String, String> states;

    SignupOptions(GroupCatalog catalog, CatalogSettings settings) {
        catalog.groups().forEach((id, group) -> groupNames.put(id, group.name()));
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(settings.states()));
    }

    /** Group ids to display names, in catalog order. */
    public Map<String, String> groupNames() {
        return groupNames;
    }

    /** Postal codes to state names. */
    public Map<String, String> states() {
        return states;
    }

    boolean offers(Offered.Choice choice, String value) {
        return switch (choice) {
            case GROUP -> groupNames.containsKey(value);
            case STATE -> states.containsKey(value);
        };
    }

}
