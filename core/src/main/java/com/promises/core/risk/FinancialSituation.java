package com.promises.core.risk;

/**
 * The customer's ability to pay, apart from their faith (seed 000, 6.1 and 6.3.1): what it calls for is
 * {@link #advice()}, and whether it calls for a credit hold (no further goods on credit) whatever the faith.
 */
public enum FinancialSituation {
    /** The money chain broke and the accounts are frozen (资金链断裂,账户被冻结): protect ourselves. */
    FROZEN_ACCOUNTS(true, Advice.NO_GOODS_ON_CREDIT),
    /** Their own customers owe them (三角债): give them time. */
    CHAIN_DEBT(false, Advice.EXTEND_TERMS),
    /** The money went into other investments (资金用于其他投资): no budget for us. */
    FUNDS_ELSEWHERE(true, Advice.NO_GOODS_ON_CREDIT),
    /** A temporary shortage of cash (现金流不足). */
    TEMPORARY_SHORTAGE(false, Advice.INSTALLMENT_PLAN),
    /** No cash now, but a fixed sum comes in every month (每个月会有固定资金到账). */
    FIXED_MONTHLY_INCOME(false, Advice.INSTALLMENT_PLAN),
    /** The trouble is over (财务危机得到缓解): remind them to pay. */
    RECOVERED(false, Advice.REMIND_TO_PAY);

    private final boolean creditHold;
    private final Advice advice;

    FinancialSituation(boolean creditHold, Advice advice) {
        this.creditHold = creditHold;
        this.advice = advice;
    }

    public boolean creditHold() {
        return creditHold;
    }

    public Advice advice() {
        return advice;
    }
}
