package com.promises.projections.summary;

import com.promises.projections.batch.ProcessorBatch;
import org.axonframework.messaging.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The customer views one batch of the processor touches: read together when the batch first needs one, changed in
 * memory event by event, and written together just before the batch's transaction commits (with the processor's
 * token), instead of a load and a save for every event.
 *
 * <p>An event that fails is sent to the dead-letter queue while the rest of the batch goes on. Its customer's view
 * may by then be half changed, so it is rebuilt from the stored view plus the changes this batch had applied to it
 * before; the failed event leaves no trace.
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

    void open(String customerId, long sequence, Consumer<CustomerView> change) {
        Entry entry = entry(customerId);
        if (entry == null) {
            entry = new Entry(customerId, null);
            entries.put(customerId, entry);
        }
        entry.apply(sequence, change);
    }

    void change(String customerId, long sequence, Consumer<CustomerView> change) {
        Entry entry = entry(customerId);
        if (entry == null) {
            throw new IllegalStateException("Customer " + customerId + " is not in the read model");
        }
        entry.apply(sequence, change);
    }

    void touch(String customerId, long sequence) {
        Entry entry = entry(customerId);
        if (entry != null) {
            entry.apply(sequence, view -> { });
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

    /** A customer's view in this batch, with the changes applied to it so far (to start over after a failure). */
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

        void apply(long sequence, Consumer<CustomerView> change) {
            if (sequence <= view.lastSequence) {
                return; // delivered again
            }
            try {
                view.applyAt(sequence, change);
            } catch (RuntimeException failed) {
                view = stored ? store.load(customerId) : store.create(customerId);
                applied.forEach(earlier -> view.applyAt(earlier.sequence(), earlier.change()));
                throw failed;
            }
            applied.add(new Applied(sequence, change));
        }

        boolean changed() {
            return !applied.isEmpty();
        }
    }

    private record Applied(long sequence, Consumer<CustomerView> change) {
    }
}
