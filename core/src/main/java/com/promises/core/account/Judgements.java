package com.promises.core.account;

import com.promises.core.commitment.ExcusePeriod;
import com.promises.core.payment.ReversalAccepted.Rejudged;
import com.promises.core.promise.PromiseExcused;
import com.promises.core.promise.PromiseKept;
import com.promises.core.promise.PromiseRejudged;
import com.promises.core.promise.RejudgedBecause;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How the account's promises are judged, whatever asks: each judgement, first or again, is applied and followed by
 * the promise's excuse when one of our own misses covers the day its window closes (DOMAIN.md rule 7).
 */
final class Judgements {

    private final String customerId;
    private final PromiseBook promises;
    private final Instant now;

    Judgements(String customerId, PromiseBook promises, Instant now) {
        this.customerId = customerId;
        this.promises = promises;
        this.now = now;
    }

    /** Applies the judgement of the promise and, when it leaves the promise judged, its excuse if one of our misses covers it. */
    void judge(Promise promise, Object judgement) {
        apply(judgement);
        ExcusePeriod excuse = promises.excuseFor(promise);
        if (excuse != null && promise.isJudged()) {
            excuse(promise, excuse);
        }
    }

    /** DOMAIN.md rule 1: kept at once when paid in full inside the window. */
    void keepIfPaidInFull(Promise promise) {
        PromiseKept kept = promise.keptIfPaidInFull(customerId, now);
        if (kept != null) {
            judge(promise, kept);
        }
    }

    /** Judged now when its window has already closed (a backdated promise, a dispute that outlasted it). */
    void judgeIfWindowClosed(Promise promise, LocalDate today) {
        if (promise.isOpen() && promise.windowHasClosed(today)) {
            judge(promise, promise.judgedAtClose(customerId, now));
        }
    }

    /**
     * The promises the money under them changed, judged again where their judgement no longer stands (rule 9).
     *
     * @return each promise judged again, with its new state
     */
    List<Rejudged> judgeAgain(Collection<String> promiseIds, LocalDate today, RejudgedBecause because, String paymentId) {
        List<Rejudged> rejudged = new ArrayList<>();
        for (String promiseId : promiseIds) {
            Promise promise = promises.find(promiseId);
            PromiseRejudged again = promise.judgedAgain(customerId, today, because, paymentId, now);
            if (again != null) {
                judge(promise, again);
                rejudged.add(new Rejudged(promise.id, again.state()));
            }
        }
        return rejudged;
    }

    /** After a miss of ours: the promises already judged whose window it covers are excused now. */
    void excuseJudgedPromises() {
        for (Promise promise : promises.inOrderMade()) {
            ExcusePeriod excuse = promises.excuseFor(promise);
            if (promise.isJudged() && !promise.excused && excuse != null) {
                excuse(promise, excuse);
            }
        }
    }

    private void excuse(Promise promise, ExcusePeriod period) {
        apply(new PromiseExcused(customerId, promise.id, promise.windowClosesOn, period.commitmentId(), period.from(), now));
    }
}
