package com.promises.api.infrastructure.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import com.promises.projections.history.EventHistory;

import java.time.Duration;

/**
 * Customer accounts kept in memory between commands, so a command does not read and replay the events
 * since the last snapshot. Before a cached account is used, one indexed query checks that no other
 * instance has appended to it since; a stale account is dropped and loaded from the event store, so a
 * second instance on the same database never decides on an old state. Axon itself drops an entry
 * whenever a command on it rolls back.
 */
final class CheckedAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final EventHistory history;

    CheckedAggregateCache(EventHistory history, int maximumSize, Duration idle) {
        this.history = history;
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            entries.invalidate(key);
            return null;
        }
        return (V) value;
    }

    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        // The entry holds the live aggregate (never serialized here), so recreating it needs no model.
        Long cached = entry.recreateAggregate(null, null, null, null).version();
        return history.lastSequence(key.toString()).map(stored -> stored.equals(cached)).orElse(false);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true; // nothing here reports entry events; Axon's repository does not ask for them
    }
}
