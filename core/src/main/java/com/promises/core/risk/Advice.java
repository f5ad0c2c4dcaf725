package com.promises.core.risk;

/** What a customer's financial situation calls for (seed 000, 6.3). */
public enum Advice {
    /** Hold credit: no further goods on credit until the situation improves. */
    NO_GOODS_ON_CREDIT,
    /** Give them time: extend the due dates (a renegotiation). */
    EXTEND_TERMS,
    /** An installment plan sized to the shortage or to the monthly income. */
    INSTALLMENT_PLAN,
    /** The hold is lifted: remind them to pay what they owe. */
    REMIND_TO_PAY
}
