package com.promises.api.infrastructure.problem;

/** Thrown where the web layer itself refuses a request; answered as the problem its code names. */
public class ProblemException extends RuntimeException {

    private final ProblemCode code;

    public ProblemException(ProblemCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
