package com.promises.api.readmodels;

import com.promises.core.account.CommandRejected;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.dispute.OpenDispute;
import com.promises.core.dispute.ResolveDispute;
import com.promises.core.money.Money;
import com.promises.core.payment.RecordPayment;
import com.promises.core.promise.CancelPromise;
import com.promises.core.promise.Channel;
import com.promises.core.promise.MakePromise;
import com.promises.core.promise.Reason;
import com.promises.core.promise.RecordBrokenPromise;
import com.promises.core.promise.RenegotiatePromise;
import com.promises.core.promise.ValuePromise;
import com.promises.core.reminder.SendReminder;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded random mix of every command over many customers, sent through Axon as the service would. */
final class Workload {

    private Workload() {
    }

    /** @return the customer ids; {@code today} is the fixed business date the commands are dated around */
    static List<String> run(CommandGateway gateway, String prefix, int customers, int commands, long seed, LocalDate today) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> promises = new HashMap<>();
        for (int i = 0; i < customers; i++) {
            String id = prefix + "-" + i;
            gateway.sendAndWait(new RegisterCustomer(id, "Customer " + i, "CNY"));
            ids.add(id);
            promises.put(id, new ArrayList<>());
        }
        for (int step = 0; step < commands; step++) {
            String customer = ids.get(random.nextInt(ids.size()));
            List<String> made = promises.get(customer);
            String some = made.isEmpty() ? "none" : made.get(random.nextInt(made.size()));
            Money amount = Money.of(BigDecimal.valueOf(100 + random.nextInt(1_000_000), 2), "CNY");
            Object command = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    String promiseId = "P-" + step;
                    made.add(promiseId);
                    LocalDate madeOn = today.minusDays(random.nextInt(40));
                    yield new MakePromise(customer, promiseId, amount, madeOn.plusDays(random.nextInt(30)), madeOn,
                            Channel.values()[random.nextInt(Channel.values().length)], random.nextBoolean(), null, null);
                }
                case 4, 5 -> new RecordPayment(customer, "PAY-" + step, amount, today.minusDays(random.nextInt(30)),
                        random.nextInt(3) == 0 ? some : null);
                case 6 -> new SendReminder(customer, some, Channel.MESSAGE, null);
                case 7 -> random.nextBoolean()
                        ? new RecordBrokenPromise(customer, some, Reason.values()[random.nextInt(Reason.values().length)], null)
                        : new RenegotiatePromise(customer, some, "R-" + step, today.plusDays(1 + random.nextInt(20)), null, null, null);
                case 8 -> new ValuePromise(customer, some);
                default -> switch (random.nextInt(3)) {
                    case 0 -> new OpenDispute(customer, some, Reason.QUALITY_DISPUTE, null);
                    case 1 -> new ResolveDispute(customer, some, random.nextBoolean(), null);
                    default -> new CancelPromise(customer, some, "withdrawn");
                };
            };
            if (command instanceof RenegotiatePromise renegotiation) {
                made.add(renegotiation.newPromiseId());
            }
            try {
                gateway.sendAndWait(command);
            } catch (CommandRejected refused) {
                // part of a realistic mix: refusals store nothing
            }
        }
        return ids;
    }
}
