package fr.grd.mes.support.mongo;

import fr.grd.mes.support.aggregate.AggregateRoot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregates one thread read and changed while applying a batch of records (issue 20): each is held once
 * (an identity map, so several events of one aggregate make one change) and written at the end, one bulk write per
 * collection. Each entry keeps the version it was read at, which the bulk's conditional replace expects.
 */
final class UnitOfWork {
    /** An aggregate not stored yet: the bulk inserts it. */
    static final long NEW = -1;

    static final class Entry {
        AggregateRoot aggregate;
        /** The version stored (the conditional replace's filter), or {@link #NEW}. */
        long stored;
        boolean changed;

        Entry(AggregateRoot aggregate, long stored, boolean changed) {
            this.aggregate = aggregate;
            this.stored = stored;
            this.changed = changed;
        }
    }

    /** Per collection, per aggregate id, in the order first seen. */
    final Map<String, Map<String, Entry>> entries = new LinkedHashMap<>();

    Entry get(String collection, String id) {
        Map<String, Entry> held = entries.get(collection);
        return held == null ? null : held.get(id);
    }

    void put(String collection, String id, Entry entry) {
        entries.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, entry);
    }

    boolean hasChanges() {
        return entries.values().stream().anyMatch(held -> held.values().stream().anyMatch(e -> e.changed));
    }
}
