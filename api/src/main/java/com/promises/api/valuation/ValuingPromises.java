package com.promises.api.valuation;

import com.promises.core.time.BusinessCalendar;
import com.promises.core.account.CommandRejected;
import com.promises.core.commitment.JudgeOurCommitment;
import com.promises.core.promise.ValuePromise;
import com.promises.projections.schedule.PromiseSchedule;
import com.promises.api.command.CommandDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Judges promises whose window has closed without anyone asking (DOMAIN.md rule 1), and our own commitments nobody
 * answered by the day after their due date (rule 7: missed, once, like a window). It runs
 * {@code promises.valuation.initial-delay} after start (once the application is ready), which catches up
 * windows that closed while the service was down, and then every {@code promises.valuation.interval}.
 * <p>
 * Exactly once, also with several instances on one database: candidates come from a table in PostgreSQL
 * (so nothing is lost in a restart) and are claimed with SKIP LOCKED; and even if two instances ask for the
 * same valuation, the account judges a promise only once (ValuePromise on a judged promise changes nothing)
 * and Axon's optimistic locking on the customer's event stream turns a simultaneous second judgement into a
 * conflict that stores nothing. The delay is bounded by the interval plus the read model's lag.
 */
@Component
class ValuingPromises {

    private static final Logger log = LoggerFactory.getLogger(ValuingPromises.class);
    private static final int BATCH = 200;
    /** Real time, not business time: how long a claim keeps other sweepers off a window. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final PromiseSchedule schedule;
    private final CommandDispatcher commands;
    private final Clock businessClock;
    private final BusinessCalendar calendar;
    private final Clock wallClock = Clock.systemUTC();

    private final TaskScheduler scheduler;
    private volatile boolean stopping;
    private final Duration initialDelay;
    private final Duration interval;

    ValuingPromises(PromiseSchedule schedule, CommandDispatcher commands, Clock businessClock, BusinessCalendar calendar,
                    TaskScheduler scheduler,
                    @Value("${promises.valuation.initial-delay:PT5S}") Duration initialDelay,
                    @Value("${promises.valuation.interval:PT1M}") Duration interval) {
        this.scheduler = scheduler;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.schedule = schedule;
        this.commands = commands;
        this.businessClock = businessClock;
        this.calendar = calendar;
    }

    /**
     * Axon subscribes the account's command handlers while the context starts; a sweep before that would
     * find no handler for ValuePromise. So sweeping is scheduled once the application is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, wallClock.instant().plus(initialDelay), interval);
    }

    /** A sweep under way stops at the next window: the command handlers go away while the context closes. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweep for closed windows failed; the next one comes in {}", interval, e);
        }
    }

    /**
     * Asks for the valuation of every window closed before today, and for the judgement of every commitment of ours
     * nobody answered by the day before; returns how many were asked for.
     */
    int sweep() {
        LocalDate today = calendar.today(businessClock);
        int valued = judgeAll(() -> schedule.claimClosedWindows(today, BATCH, wallClock.instant(), CLAIM),
                PromiseSchedule.ClosedWindow::customerId, window -> new ValuePromise(window.customerId(), window.promiseId()),
                window -> schedule.releaseClaim(window.customerId(), window.promiseId()));
        int missed = judgeAll(() -> schedule.claimUnansweredCommitments(today, BATCH, wallClock.instant(), CLAIM),
                PromiseSchedule.UnansweredCommitment::customerId,
                commitment -> new JudgeOurCommitment(commitment.customerId(), commitment.commitmentId()),
                commitment -> schedule.releaseCommitmentClaim(commitment.customerId(), commitment.commitmentId()));
        if (valued + missed > 0) {
            log.info("Asked for the valuation of {} promises whose windows closed, and the judgement of {} commitments of "
                    + "ours nobody answered, before {}", valued, missed, today);
        }
        return valued + missed;
    }

    /** Sends the judgement of each claimed item until none is left; an item whose judgement failed goes back to the next sweep. */
    private <T> int judgeAll(Supplier<List<T>> claim, Function<T, String> customerOf, Function<T, Object> judgement,
                             Consumer<T> release) {
        int asked = 0;
        List<T> failed = new ArrayList<>();
        while (!stopping) {
            List<T> claimed = claim.get();
            if (claimed.isEmpty()) {
                break;
            }
            for (T item : claimed) {
                if (stopping) {
                    break; // the claims expire and the next start judges the rest
                }
                Object command = judgement.apply(item);
                try {
                    // retried on a conflict: another instance may be judging something else of the same customer
                    commands.send(customerOf.apply(item), command);
                    asked++;
                } catch (CommandRejected rejected) {
                    log.debug("{} refused: {}", command, rejected.getMessage());
                } catch (RuntimeException e) {
                    log.warn("{} failed, retried in the next sweep: {}", command, e.toString());
                    failed.add(item);
                }
            }
        }
        failed.forEach(release);
        return asked;
    }
}
