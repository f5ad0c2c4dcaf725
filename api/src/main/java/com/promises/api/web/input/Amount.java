package com.promises.api.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount of money as a client may send it: above zero and below a trillion. The bound keeps
 * "1e999999999" from ever reaching arithmetic; decimals are checked against the currency later.
 */
@Positive
@DecimalMax(value = "999999999999.999", inclusive = true)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    String message() default "must be greater than 0 and less than 1000000000000";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
