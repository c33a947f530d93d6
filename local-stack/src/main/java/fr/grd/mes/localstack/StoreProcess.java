package fr.grd.mes.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The embedded MongoDB-wire store (mongo-java-server on an H2 file) as a process of its own, so that it can be
 * killed with {@code kill -9} and started again on the same file: the durability run and the fault run use it.
 * {@code main(port, file, durable|stock)} is the child; the rest is the parent's handle on it.
 */
public final class StoreProcess implements AutoCloseable {
    private final Path file;
    private final int port;
    private final boolean durable;
    private Process process;

    public StoreProcess(Path file, int port, boolean durable) {
        this.file = file;
        this.port = port;
        this.durable = durable;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        String file = args[1];
        boolean durable = !"stock".equals(args.length > 2 ? args[2] : "durable");
        MongoServer server = new MongoServer(durable ? new DurableH2Backend(file) : new H2Backend(file));
        server.bind("localhost", port);
        System.out.println("store ready on " + port + (durable ? " (commit per write)" : " (stock H2 backend)"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        Thread.currentThread().join();
    }

    public String uri() {
        return "mongodb://localhost:" + port;
    }

    public StoreProcess start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> command = ServiceProcess.javaCommand(ServiceProcess.THIS_JAVA, List.of("-Xmx512m"),
                StoreProcess.class.getName(), List.of(String.valueOf(port), file.toString(), durable ? "durable" : "stock"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(file.resolveSibling(file.getFileName() + ".log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the store exited; see " + file + ".log");
            }
            try (MongoClient client = MongoClients.create(uri() + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500")) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return this;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the store did not answer on " + port + " within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no final commit; what survives is what was on file. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
