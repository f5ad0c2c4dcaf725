package com.promises.projections.audit;

import com.promises.core.money.Money;
import com.promises.core.overdue.AgingBucket;
import com.promises.core.overdue.OverdueStanding;
import com.promises.core.overdue.OwedPromise;
import com.promises.core.time.BusinessCalendar;
import com.promises.projections.history.EventHistory;
import com.promises.projections.summary.CustomerView;
import com.promises.projections.summary.CustomerViewReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What every customer owed at a period end, by currency and aging bucket, as the books stood then: from the events
 * recorded before the next day began (in the business time zone), never the read model. Each promise still owed
 * ({@code Owed}'s rule, through the summary's own view of the events) counts its unpaid rest in the bucket of its own
 * days past due on that date ({@link OverdueStanding#daysOverdue}, {@link AgingBucket}).
 *
 * <p>The history is read once in customer order; each customer's events are replayed on one of a few threads, so
 * the payloads are read in parallel. Progress is logged every five seconds.
 */
@Service
public class AgingReport {

    /**
     * @param buckets   the unpaid amounts by bucket: CURRENT (not yet due), 1-30, 31-60, 61-90, 90+ days past due
     * @param customers how many customers owed something in this currency
     */
    public record CurrencyTotals(String currency, Map<String, Money> buckets, long customers) {
    }

    /** @param unreadableCustomers customers whose events could not be replayed, left out of the totals; null if none */
    public record Report(LocalDate asOf, List<CurrencyTotals> currencies, List<String> unreadableCustomers) {
    }

    private static final Logger log = LoggerFactory.getLogger(AgingReport.class);
    private static final int WORKERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final EventHistory history;
    private final CustomerViewReplay replay;
    private final BusinessCalendar calendar;

    AgingReport(EventHistory history, CustomerViewReplay replay, BusinessCalendar calendar) {
        this.history = history;
        this.replay = replay;
        this.calendar = calendar;
    }

    public Report asOf(LocalDate day) {
        Instant periodEnd = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Totals totals = new Totals(day);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "aging-report");
            thread.setDaemon(true);
            return thread;
        });
        Progress progress = new Progress(day, history.head() + 1);
        ByCustomer byCustomer = new ByCustomer(periodEnd, progress, new Semaphore(WORKERS * 4), workers, totals);
        try {
            history.replay(byCustomer);
            byCustomer.handOver();
            workers.shutdown();
            if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("The aging report did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the aging report was summed", e);
        } finally {
            workers.shutdownNow();
        }
        progress.done();
        return totals.report();
    }

    /**
     * The history as it is read, a customer's events together: each customer's events recorded before the period end
     * are handed to a worker, which replays them into a view and adds what it owes.
     */
    private final class ByCustomer implements Consumer<TrackedEventMessage<?>> {
        private final Instant periodEnd;
        private final Progress progress;
        private final Semaphore queued;
        private final ExecutorService workers;
        private final Totals totals;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();
        private String customerId;

        ByCustomer(Instant periodEnd, Progress progress, Semaphore queued, ExecutorService workers, Totals totals) {
            this.periodEnd = periodEnd;
            this.progress = progress;
            this.queued = queued;
            this.workers = workers;
            this.totals = totals;
        }

        @Override
        public void accept(TrackedEventMessage<?> event) {
            progress.read();
            if (!(event instanceof DomainEventMessage<?> domain) || domain.getAggregateIdentifier() == null) {
                return;
            }
            if (!domain.getAggregateIdentifier().equals(customerId)) {
                handOver();
                customerId = domain.getAggregateIdentifier();
            }
            if (event.getTimestamp().isBefore(periodEnd)) {
                events.add(domain);
            }
        }

        /** Hands the current customer's events to a worker (waiting while enough customers are queued). */
        void handOver() {
            if (events.isEmpty()) {
                return;
            }
            String customer = customerId;
            List<DomainEventMessage<?>> recorded = List.copyOf(events);
            events.clear();
            queued.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    totals.add(replay.replay(customer, recorded));
                } catch (RuntimeException unreadable) {
                    log.warn("Aging report: the events of customer {} cannot be replayed; left out", customer, unreadable);
                    totals.unreadable(customer);
                } finally {
                    queued.release();
                }
            });
        }
    }

    /** The sums so far; each customer added whole, by whichever worker replayed it. */
    private static final class Totals {
        private final LocalDate day;
        private final Map<String, Map<AgingBucket, BigDecimal>> amounts = new TreeMap<>();
        private final Map<String, Long> customers = new TreeMap<>();
        private final List<String> unreadable = new ArrayList<>();

        Totals(LocalDate day) {
            this.day = day;
        }

        void add(CustomerView view) {
            List<OwedPromise> owed = view.owedPromises();
            if (view.currency() == null || owed.isEmpty()) {
                return;
            }
            Map<AgingBucket, BigDecimal> sums = new LinkedHashMap<>();
            for (OwedPromise promise : owed) {
                AgingBucket bucket = AgingBucket.of(OverdueStanding.daysOverdue(promise.dueDate(), day));
                sums.merge(bucket, promise.unpaid(), BigDecimal::add);
            }
            synchronized (this) {
                Map<AgingBucket, BigDecimal> currency = amounts.computeIfAbsent(view.currency(), c -> new TreeMap<>());
                sums.forEach((bucket, amount) -> currency.merge(bucket, amount, BigDecimal::add));
                customers.merge(view.currency(), 1L, Long::sum);
            }
        }

        synchronized void unreadable(String customerId) {
            unreadable.add(customerId);
        }

        synchronized Report report() {
            List<CurrencyTotals> currencies = new ArrayList<>();
            amounts.forEach((currency, sums) -> {
                Map<String, Money> buckets = new LinkedHashMap<>();
                for (AgingBucket bucket : AgingBucket.values()) {
                    buckets.put(bucket.label(), Money.fromStored(sums.getOrDefault(bucket, BigDecimal.ZERO), currency));
                }
                currencies.add(new CurrencyTotals(currency, buckets, customers.get(currency)));
            });
            return new Report(day, currencies, unreadable.isEmpty() ? null : List.copyOf(unreadable));
        }
    }

    /** Events read so far, logged every five seconds for a long run (by the one thread that reads). */
    private static final class Progress {
        private final LocalDate day;
        private final long total;
        private final long started = System.nanoTime();
        private long read;
        private long lastReport = started;
        private boolean reported;

        Progress(LocalDate day, long total) {
            this.day = day;
            this.total = total;
        }

        void read() {
            if ((++read & 1023) == 0) {
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    reported = true;
                    log.info("Aging report as of {}: {} of about {} events read ({} events/s)", day, read, total,
                            Math.round(read / ((now - started) / 1e9)));
                }
            }
        }

        void done() {
            if (reported) {
                log.info("Aging report as of {}: {} events in {} s", day, read, Math.round((System.nanoTime() - started) / 1e9));
            }
        }
    }
}
