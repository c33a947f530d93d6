package fr.grd.mes.support.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every stored aggregate carries besides its own state (DESIGN §3): an optimistic-lock version, the
 * outbox of events its last changes produced and the inbox of event ids it has already applied. State,
 * outbox and inbox are written in one document update, which needs no multi-document transaction.
 */
public abstract class AggregateRoot {
    private static final int INBOX_LIMIT = 200;

    protected long version;
    protected List<OutboxMessage> outbox = new ArrayList<>();
    protected List<String> appliedEventIds = new ArrayList<>();

    public abstract String getId();

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<OutboxMessage> getOutbox() {
        return outbox;
    }

    public void addToOutbox(OutboxMessage message) {
        outbox.add(message);
    }

    public boolean hasApplied(UUID eventId) {
        return eventId != null && appliedEventIds.contains(eventId.toString());
    }

    public void markApplied(UUID eventId) {
        if (eventId == null) {
            return;
        }
        appliedEventIds.add(eventId.toString());
        if (appliedEventIds.size() > INBOX_LIMIT) {
            appliedEventIds.remove(0);
        }
    }
}
