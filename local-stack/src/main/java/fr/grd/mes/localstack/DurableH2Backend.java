package fr.grd.mes.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 (MVStore) backend, made to keep what it acknowledged. The stock backend acknowledges a
 * write once it is in the MVStore's memory and commits to the file in the background (every second by default),
 * so a store process killed right after an acknowledged write loses up to a second of writes (measured: see the
 * README, "Durability of the embedded store"). Here every write command commits its MVStore version to the file
 * before its answer leaves, so what a service was told is stored survives a {@code kill -9} of the store (the file
 * is written through the OS, not fsync'd: a power cut is not covered, as with MongoDB's {@code j: false}).
 */
public class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "create", "drop", "dropdatabase", "renamecollection");

    public DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            synchronized (this) {
                commit();
            }
        }
        return answer;
    }
}
