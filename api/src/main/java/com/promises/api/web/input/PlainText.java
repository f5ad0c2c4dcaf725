package com.promises.api.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Free text a collector typed (a note, a name, a reference): any language, line breaks allowed,
 * but no control characters and no markup tags, which front-ends would otherwise have to defuse
 * every time they show the history. "amount < 500" is fine; "<script>" is not. Nor are the
 * bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make an auditor read
 * "1000" where "0001" is stored, or unpaired surrogates, which are no character at all.
 */
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text: no control characters, bidirectional overrides, unpaired surrogates or markup tags";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
        /** Bidirectional overrides and isolates, and surrogates without their other half (Pattern reads by code point). */
        private static final Pattern MISLEADING = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]|\\p{Cs}");
        private static final Pattern TAG = Pattern.compile("<\\s*[A-Za-z/!?]");

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null
                    || !(CONTROL.matcher(text).find() || MISLEADING.matcher(text).find() || TAG.matcher(text).find());
        }
    }
}
