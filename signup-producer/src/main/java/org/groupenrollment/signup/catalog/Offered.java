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

/** One of the choices the form offers (see {@link SignupOptions}). */
@Documented
@Constraint(validatedBy = Offered.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Offered {

    Choice value();

    /** Replaced by the choice's own message. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Choice {

        GROUP("is not one of our groups"), STATE("is not a US state postal code");

        private final String message;

        Choice(String message) {
            this.message = message;
        }

    }

    class Validator implements ConstraintValidator<Offered, String> {

        private final SignupOptions options;

        private Offered.Choice choice;

        Validator(SignupOptions options) {
            this.options = options;
        }

        @Override
        public void initialize(Offered offered) {
            this.choice = offered.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || options.offers(choice, value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(choice.message).addConstraintViolation();
            return false;
        }

    }

}
