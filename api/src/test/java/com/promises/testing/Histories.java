package com.promises.testing;

import com.promises.core.account.CommandRejected;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.followup.CloseFollowUp;
import com.promises.core.money.Money;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.reminder.SendReminder;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers whose histories touch most read-model rules: promises kept, broken by time and by the collector,
 * payments before and after a break, account credit, follow-ups opened, paid down and closed, reminders and quiet
 * days, a dispute opened and resolved, a renegotiation and a cancellation. Sent through Axon as the service does.
 */
public final class Histories {

    private final CommandGateway gateway;
    private final LocalDate today;

    /** @param today the business date of the service's fixed clock */
    public Histories(CommandGateway gateway, LocalDate today) {
        this.gateway = gateway;
        this.today = today;
    }

    /**
     * Registers {@code count} customers named {@code prefix-0...} and writes their histories a step at a time across
     * all of them, as a day's work interleaves customers; returns their ids.
     */
    public List<String> write(String prefix, int count) {
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            customers.add(prefix + "-" + c);
            begin(prefix + "-" + c, c);
        }
        for (int c = 0; c < count; c++) {
            judge(customers.get(c), c);
        }
        for (int c = 0; c < count; c++) {
            carryOn(customers.get(c), c);
        }
        return customers;
    }

    /**
     * Registers a customer with a promise whose window closed long ago (broken at once, which opens a follow-up), one
     * in its grace days and one still to come, reminded; a first payment goes to the oldest.
     */
    public void begin(String id, int variant) {
        send(new RegisterCustomer(id, "Customer " + id, "CNY"));
        send(new MakePromise(id, "P1", cny(1000), today.minusDays(25), today.minusDays(30), Channel.PHONE, true, null, null));
        send(new MakePromise(id, "P2", cny(1000 + variant), today.minusDays(2), today.minusDays(5), Channel.VISIT, false,
                null, null));
        send(new MakePromise(id, "P3", cny(500), today.plusDays(5), null, Channel.EMAIL, true, null, null));
        send(new SendReminder(id, "P3", Channel.MESSAGE, "due soon"));
        send(new RecordPayment(id, "PAY1-" + id, cny(300), today.minusDays(1), null)); // to P1, the oldest, broken
    }

    /** Judges the promise in grace one of three ways: paid in full, part paid and broken, or paid with everything else. */
    public void judge(String id, int variant) {
        switch (variant % 3) {
            case 0 -> send(new RecordPayment(id, "PAY2-" + id, cny(1000 + variant), today, "P2"));
            case 1 -> {
                send(new RecordPayment(id, "PAY2-" + id, cny(400), today, "P2"));
                send(new RecordBrokenPromise(id, "P2", Reason.REFUSES, "will not pay the rest"));
            }
            default -> send(new RecordPayment(id, "PAY2-" + id, cny(3000 + variant), today, null)); // leaves credit
        }
    }

    /** A new promise (answering the follow-ups), disputed and resolved, a renegotiation, a cancellation, more money. */
    public void carryOn(String id, int variant) {
        send(new MakePromise(id, "P4", cny(800), today.plusDays(20), null, Channel.LETTER, true, null, null));
        send(new OpenDispute(id, "P4", Reason.QUALITY_DISPUTE, "goods damaged"));
        send(new ResolveDispute(id, "P4", variant % 2 == 0, null));
        send(new RenegotiatePromise(id, "P3", "P3b", today.plusDays(12), null, Reason.WAITING_ON_THEIR_CUSTOMER, null));
        send(new CloseFollowUp(id, "P2", "agreed on the phone"));
        send(new CancelPromise(id, "P3b", "withdrawn"));
        send(new RecordPayment(id, "PAY3-" + id, cny(250), today, null));
    }

    /** Sends one command; a refusal is part of a realistic history and stores nothing. */
    public void send(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (CommandRejected refused) {
            // e.g. closing a follow-up that a payment already closed
        }
    }

    public static Money cny(int amount) {
        return Money.of(String.valueOf(amount), "CNY");
    }
}
