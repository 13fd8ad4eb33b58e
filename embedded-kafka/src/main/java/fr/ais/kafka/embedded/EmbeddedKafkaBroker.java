package fr.ais.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), running in this
 * JVM from the Apache jars: the default, Docker-free cluster of the local stack and of the
 * integration tests. Sized for a small machine (replication 1, one partition for the internal
 * offsets and transaction topics). Transactions (exactly-once v2) work on it.
 *
 * <p>The data directory survives restarts: it is formatted once, on first start, and never wiped.
 * A directory that holds something else gives a clear error and the way to reset it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /** Starts the broker; returns once it accepts clients. */
    public static EmbeddedKafkaBroker start(EmbeddedKafkaConfig config) {
        Path logDir = config.dataDir().toAbsolutePath();
        int port = config.port() == 0 ? freePort() : requireFree(config.port(), "broker port");
        int controllerPort = config.controllerPort() == 0 ? freePort()
                : requireFree(config.controllerPort(), "controller port");
        Properties props = brokerProperties(logDir, port, controllerPort);
        config.overrides().forEach(props::setProperty);
        formatOnce(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("the embedded Kafka broker failed to start in " + logDir + ": "
                    + e.getMessage(), e);
        }
        return new EmbeddedKafkaBroker(server, "localhost:" + port, logDir);
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // a one-node cluster on a small machine
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("auto.create.topics.enable", "false");
        // source records keep their own (past) timestamps: never reject or expire them for it
        p.setProperty("log.retention.ms", "-1");
        return p;
    }

    /** Formats the storage on first start only, so the data survives restarts. */
    private static void formatOnce(Path logDir, Properties props) {
        Path meta = logDir.resolve(META_PROPERTIES);
        try {
            if (Files.exists(meta)) {
                checkMetaProperties(meta, logDir);
                return;
            }
            if (Files.isDirectory(logDir)) {
                try (Stream<Path> entries = Files.list(logDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new EmbeddedKafkaException(logDir + " is not empty and is not a Kafka data directory"
                                + " (no " + META_PROPERTIES + "): choose another data directory, or delete this one"
                                + " to start from an empty broker");
                    }
                }
            }
            Files.createDirectories(logDir);
            Path configFile = logDir.resolveSibling(logDir.getFileName() + ".format.properties");
            try (var out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(out, "embedded broker, for formatting");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", configFile.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(configFile);
            if (code != 0) {
                throw new EmbeddedKafkaException("cannot format the Kafka data directory " + logDir + ": "
                        + log.toString(StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot prepare the Kafka data directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void checkMetaProperties(Path meta, Path logDir) throws IOException {
        Properties existing = new Properties();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            existing.load(in);
        } catch (IllegalArgumentException e) {
            throw corrupt(logDir, "unreadable " + META_PROPERTIES);
        }
        if (existing.getProperty("cluster.id") == null || !"1".equals(existing.getProperty("node.id"))) {
            throw corrupt(logDir, META_PROPERTIES + " belongs to another broker (node.id "
                    + existing.getProperty("node.id") + ", cluster.id " + existing.getProperty("cluster.id") + ")");
        }
    }

    private static EmbeddedKafkaException corrupt(Path logDir, String why) {
        return new EmbeddedKafkaException("the Kafka data directory " + logDir + " cannot be used: " + why
                + ". Nothing was deleted: choose another data directory, or delete this one to start from an empty broker");
    }

    /** A free port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedKafkaException("no free port for the embedded broker: " + e.getMessage(), e);
        }
    }

    private static int requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new EmbeddedKafkaException("the " + what + " " + port + " is already taken: stop what uses it,"
                    + " or choose another port (AIS_STACK_BROKER_PORT, or 0 for any free port)");
        }
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly; its data stays in the data directory. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers + ", " + dataDir + "]";
    }

}
