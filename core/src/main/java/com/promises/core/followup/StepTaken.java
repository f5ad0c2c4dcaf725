package com.promises.core.followup;

/**
 * What a collector actually did about a customer's debt (seed 003: 函电追账, 上门追账 with a sealed written plan,
 * then the law), with the rung of the ladder it stands on.
 */
public enum StepTaken {
    LETTER(1), PHONE(1), EMAIL(1), VISIT(2), WRITTEN_PLAN(2), LEGAL(3);

    private final int rung;

    StepTaken(int rung) {
        this.rung = rung;
    }

    /** 1 for letters, calls and emails, 2 for a visit or a written plan, 3 for legal action. */
    public int rung() {
        return rung;
    }
}
