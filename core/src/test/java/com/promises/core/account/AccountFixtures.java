package com.promises.core.account;

import com.promises.core.money.Money;
import com.promises.core.payment.Allocation;
import com.promises.core.payment.PaymentRecorded;
import com.promises.core.promise.Channel;
import com.promises.core.promise.Faith;
import com.promises.core.promise.PromiseBroken;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseMade;
import com.promises.core.promise.ValuedBy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The small vocabulary the account's specifications are written in. */
final class AccountFixtures {

    static final String CUSTOMER = "hotel-zhonghua";
    /** "Today" in every scenario unless it says otherwise: 15 June 2026, business zone UTC. */
    static final Instant NOW = Instant.parse("2026-06-15T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate MADE_ON = LocalDate.of(2026, 6, 1);
    static final Instant EARLIER = Instant.parse("2026-06-01T09:00:00Z");
    static final AccountRules RULES = AccountRules.defaults();

    private AccountFixtures() {
    }

    static FixtureConfiguration<CustomerAccount> account() {
        return accountOn(NOW);
    }

    static FixtureConfiguration<CustomerAccount> accountOn(Instant now) {
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }

    static Instant on(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static CustomerRegistered registered() {
        return new CustomerRegistered(CUSTOMER, "Hotel Zhonghua", "CNY", EARLIER);
    }

    /** A verbal phone promise made on 1 June, judged on the default three grace days. */
    static PromiseMade promiseMade(String promiseId, String amount, LocalDate due) {
        return new PromiseMade(CUSTOMER, promiseId, cny(amount), MADE_ON, due, 3, due.plusDays(3), Channel.PHONE,
                false, null, null, null, null, 1, cny("0"), List.of(), EARLIER);
    }

    static PaymentRecorded paid(String paymentId, String amount, LocalDate paidOn, String creditAfter, Allocation... allocations) {
        Money total = cny(amount);
        Money allocated = cny("0");
        for (Allocation allocation : allocations) {
            allocated = allocated.plus(allocation.amount());
        }
        return new PaymentRecorded(CUSTOMER, paymentId, total, paidOn, null, List.of(allocations),
                total.minus(allocated), cny(creditAfter), EARLIER);
    }

    /** Broken by the service when its window closed, nothing paid, no reason given. */
    static PromiseBroken brokenByTheClock(PromiseMade promise) {
        return new PromiseBroken(CUSTOMER, promise.promiseId(), promise.amount(), cny("0"), promise.dueDate(),
                promise.windowClosesOn(), null, Faith.UNKNOWN, null, ValuedBy.SYSTEM, on(promise.windowClosesOn().plusDays(1)));
    }

    /** Paid in full on {@code paidOn} and kept at once. */
    static PromiseKept keptOn(PromiseMade promise, LocalDate paidOn) {
        return new PromiseKept(CUSTOMER, promise.promiseId(), promise.amount(), promise.amount(), promise.dueDate(),
                promise.windowClosesOn(), paidOn, !paidOn.isAfter(promise.dueDate()), ValuedBy.SYSTEM, on(paidOn));
    }

    static Allocation to(String promiseId, String amount) {
        return new Allocation(promiseId, cny(amount));
    }

    /** The rejection a collector would see: its stable code and its sentence. */
    static Matcher<Throwable> rejected(Rejection code, String detail) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof CommandRejected rejection && rejection.rejection() == code
                        && (detail == null || detail.equals(rejection.getMessage()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected " + code + (detail == null ? "" : ": " + detail));
            }
        };
    }

    static Matcher<Throwable> rejected(Rejection code) {
        return rejected(code, null);
    }
}
