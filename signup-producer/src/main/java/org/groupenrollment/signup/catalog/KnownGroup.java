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

/** A group id of the configured catalog. */
@Documented
@Constraint(validatedBy = KnownGroup.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownGroup {

    String message() default "is not one of our groups";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownGroup, String> {

        private final CatalogSettings catalog;

        Validator(CatalogSettings catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || catalog.offersGroup(value);
        }

    }

}
