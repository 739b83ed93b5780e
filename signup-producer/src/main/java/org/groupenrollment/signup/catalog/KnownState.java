package org.groupenrollment.signup.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A US postal code from the configured list of states. */
@Documented
@Constraint(validatedBy = KnownState.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownState {

    String message() default "is not a US state postal code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownState, String> {

        private final CatalogSettings catalog;

        Validator(CatalogSettings catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || catalog.knowsState(value);
        }

    }

}
