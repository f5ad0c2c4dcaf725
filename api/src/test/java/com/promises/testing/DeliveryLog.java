package com.promises.testing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records each event each read model's processor applies, as one more handler in its processing group: the row is
 * written in the batch's transaction with the read model's rows and the processor's token, so it stays exactly when
 * they do. No key stops a second row for the same event: a duplicate delivery shows as two. Add this class to a
 * test's service ({@link Instance#start}); it creates its table in the service's database. Not a
 * {@code @Configuration}, which the application's component scan would add to every test's service.
 */
public class DeliveryLog {

    public static final List<String> PROCESSORS = List.of("customer-summary", "promise-schedule");

    @Bean
    SummaryDeliveries summaryDeliveries(JdbcTemplate jdbc, @Value("${" + Instance.NAME + ":service}") String instance) {
        createTable(jdbc);
        return new SummaryDeliveries(jdbc, instance);
    }

    @Bean
    ScheduleDeliveries scheduleDeliveries(JdbcTemplate jdbc, @Value("${" + Instance.NAME + ":service}") String instance) {
        createTable(jdbc);
        return new ScheduleDeliveries(jdbc, instance);
    }

    private static void createTable(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table if not exists test_delivery (
                    delivery     bigserial   not null,  -- the order rows were written in
                    processor    varchar(64)  not null,
                    event_id     varchar(255) not null,  -- the event's identifier; its token's position is the stream's
                    instance     varchar(64)  not null)""");
    }

    @ProcessingGroup("customer-summary")
    record SummaryDeliveries(JdbcTemplate jdbc, String instance) {
        @EventHandler
        void on(Object event, EventMessage<?> message) {
            record(jdbc, "customer-summary", message, instance);
        }
    }

    @ProcessingGroup("promise-schedule")
    record ScheduleDeliveries(JdbcTemplate jdbc, String instance) {
        @EventHandler
        void on(Object event, EventMessage<?> message) {
            record(jdbc, "promise-schedule", message, instance);
        }
    }

    private static void record(JdbcTemplate jdbc, String processor, EventMessage<?> message, String instance) {
        jdbc.update("insert into test_delivery (processor, event_id, instance) values (?, ?, ?)",
                processor, message.getIdentifier(), instance);
    }

    /** Events in the store that some processor has not applied yet, by processor (only those that lack any). */
    public static Map<String, Long> undelivered(JdbcTemplate jdbc) {
        Map<String, Long> missing = new TreeMap<>();
        for (String processor : PROCESSORS) {
            long count = jdbc.queryForObject("""
                    select count(*) from domainevententry e
                    where not exists (select 1 from test_delivery d where d.processor = ? and d.event_id = e.eventidentifier)""",
                    Long.class, processor);
            if (count > 0) {
                missing.put(processor, count);
            }
        }
        return missing;
    }

    /** Every stored event has reached every processor. */
    public static boolean complete(JdbcTemplate jdbc) {
        return undelivered(jdbc).isEmpty();
    }

    /** Deliveries beyond the first, by processor: each is an event applied again. */
    public static Map<String, Long> redeliveries(JdbcTemplate jdbc) {
        Map<String, Long> extra = new TreeMap<>();
        jdbc.query("""
                select processor, sum(n - 1) from (
                    select processor, event_id, count(*) as n from test_delivery group by processor, event_id) d
                group by processor having sum(n - 1) > 0""", row -> {
            extra.put(row.getString(1), row.getLong(2));
        });
        return extra;
    }

    /**
     * Events a processor applied after one with a higher global index: they committed after that later event had
     * been applied. Zero means no commit came out of order while the processors were watching.
     */
    public static long appliedLate(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from (
                    select e.globalindex, max(e.globalindex) over (partition by d.processor order by d.delivery
                        rows between unbounded preceding and 1 preceding) as highest_before
                    from test_delivery d join domainevententry e on e.eventidentifier = d.event_id) applied
                where globalindex < highest_before""", Long.class);
    }

    /** Events one instance applied in a row, in the order they were applied. */
    public record Run(String instance, long events) {
    }

    /**
     * Who applied each read model's events, in the order they were applied, as runs of one instance: a claim that
     * moves to another instance starts a new run.
     */
    public static Map<String, List<Run>> runs(JdbcTemplate jdbc) {
        Map<String, List<Run>> runs = new TreeMap<>();
        jdbc.query("select processor, instance from test_delivery order by delivery", row -> {
            List<Run> processor = runs.computeIfAbsent(row.getString(1), k -> new ArrayList<>());
            String instance = row.getString(2);
            int last = processor.size() - 1;
            if (last >= 0 && processor.get(last).instance().equals(instance)) {
                processor.set(last, new Run(instance, processor.get(last).events() + 1));
            } else {
                processor.add(new Run(instance, 1));
            }
        });
        return runs;
    }
}
