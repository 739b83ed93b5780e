package org.groupenrollment.signup.catalog;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The states a person may say they live in, by postal code, with the names the form
 * shows. Licensing is not the form's business: everyone may apply.
 */
@Validated
@ConfigurationProperties("enrollment")
public record CatalogSettings(@NotEmpty Map<String, String> states) {
}
