package com.promises.projections.summary;

import com.promises.projections.batch.ProcessorBatch;
import org.axonframework.messaging.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer views one batch of the processor touches: read together when the batch first needs one,
 * changed in memory event by event, and written together just before the batch's transaction commits
 * (with the processor's token). Loading and saving a customer's view for every single event was the
 * rebuild's largest cost; see BENCHMARKS.md.
 *
 * <p>An event that fails is sent to the dead-letter queue while the rest of the batch goes on. Its
 * customer's view may by then be half changed, so it is rebuilt from the stored view plus the events
 * this batch had applied to it before; the failed event leaves no trace.
 */
final class ViewBatch {

    private final CustomerViewStore store;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Customers named in the batch that are not loaded yet; the first load reads all of them at once. */
    private final Set<String> toPrefetch = new LinkedHashSet<>();

    private ViewBatch(CustomerViewStore store, List<? extends Message<?>> messages) {
        this.store = store;
        this.toPrefetch.addAll(ProcessorBatch.customersOf(messages));
    }

    /** This unit of work's batch, created on first use and flushed when the unit of work prepares to commit. */
    static ViewBatch current(CustomerViewStore store) {
        return ProcessorBatch.current(ViewBatch.class, messages -> new ViewBatch(store, messages), ViewBatch::flush);
    }

    void register(String customerId, Object event, long sequence) {
        Entry entry = new Entry(customerId, null);
        entries.put(customerId, entry);
        toPrefetch.remove(customerId);
        entry.apply(event, sequence);
    }

    void apply(String customerId, Object event, long sequence) {
        Entry entry = entry(customerId);
        if (entry == null) {
            throw new IllegalStateException("Customer " + customerId + " is not in the read model");
        }
        entry.apply(event, sequence);
    }

    /** For events that change nothing but the customer's last applied sequence (read-your-writes). */
    void touch(String customerId, long sequence) {
        Entry entry = entry(customerId);
        if (entry != null) {
            entry.apply(null, sequence);
        }
    }

    private Entry entry(String customerId) {
        if (!entries.containsKey(customerId)) {
            toPrefetch.add(customerId);
            Map<String, CustomerView> loaded = store.loadAll(toPrefetch);
            for (String id : toPrefetch) {
                CustomerView view = loaded.get(id);
                entries.put(id, view == null ? null : new Entry(id, view));
            }
            toPrefetch.clear();
        }
        return entries.get(customerId);
    }

    private void flush() {
        List<CustomerView> changed = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry != null && entry.changed()) {
                changed.add(entry.view);
            }
        }
        store.saveAll(changed);
        entries.clear();
    }

    /** A customer's view in this batch, with what was applied to it so far (to start over after a failure). */
    private final class Entry {
        private final String customerId;
        private final boolean stored;
        private final List<Applied> applied = new ArrayList<>();
        CustomerView view;

        Entry(String customerId, CustomerView stored) {
            this.customerId = customerId;
            this.stored = stored != null;
            this.view = stored != null ? stored : store.create(customerId);
        }

        void apply(Object event, long sequence) {
            try {
                Applied.to(view, event, sequence);
            } catch (RuntimeException failed) {
                view = stored ? store.load(customerId) : store.create(customerId);
                applied.forEach(earlier -> Applied.to(view, earlier.event(), earlier.sequence()));
                throw failed;
            }
            applied.add(new Applied(event, sequence));
        }

        boolean changed() {
            return !applied.isEmpty();
        }
    }

    /** @param event null for an event that only moves the last applied sequence */
    private record Applied(Object event, long sequence) {
        static void to(CustomerView view, Object event, long sequence) {
            if (event == null) {
                view.lastSequence = Math.max(view.lastSequence, sequence);
            } else {
                view.apply(event, sequence);
            }
        }
    }
}
