package org.groupenrollment.signup.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the form offers: the groups of the shared catalog (id to display name) and the
 * states a person may say they live in. Licensing is not the form's business: everyone
 * may apply.
 */
@Validated
@ConfigurationProperties("enrollment")
public record CatalogSettings(@NotEmpty Map<String, GroupEntry> groups, @NotEmpty Map<String, String> states) {

    public record GroupEntry(@NotBlank String name) {
    }

    public boolean offersGroup(String id) {
        return id != null && groups.containsKey(id);
    }

    public boolean knowsState(String code) {
        return code != null && states.containsKey(code);
    }

    public Map<String, String> groupNames() {
        Map<String, String> names = new LinkedHashMap<>();
        groups.forEach((id, group) -> names.put(id, group.name()));
        return names;
    }
}
