package org.groupenrollment.signup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.groupenrollment.events.contact.ContactRules;

/**
 * A name or an email address by the pipeline's {@link ContactRules}, the same rules the
 * processor and the notifier apply. Blank values are left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = ContactDetail.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactDetail {

    Kind value();

    /** Replaced by the kind's own message. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {

        PERSON_NAME("must be a name: letters, with spaces, apostrophes, hyphens or periods between them"),
        EMAIL("must be an email address we can send to, like name@example.org");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        boolean accepts(String value) {
            return this == PERSON_NAME ? ContactRules.isPersonName(value) : ContactRules.isSendableEmail(value);
        }

    }

    class Validator implements ConstraintValidator<ContactDetail, String> {

        private Kind kind;

        @Override
        public void initialize(ContactDetail detail) {
            this.kind = detail.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || kind.accepts(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
            return false;
        }

    }

}
