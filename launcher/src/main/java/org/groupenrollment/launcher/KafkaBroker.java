package org.groupenrollment.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one), run inside
 * the launcher's JVM from the Kafka jars. Its log directory lives in the data folder,
 * formatted on first start only, so topics and the processor's ledger survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;

    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        Properties config = config(logDir, port, controllerPort);
        formatOnFirstStart(logDir, config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        broker.awaitMetadata();
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitMetadata() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new LaunchException("Kafka started but did not answer at " + bootstrapServers, ex);
        }
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        // One broker: every internal topic with one replica, or consumer groups and
        // transactions cannot start.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Nobody else will join: do not wait 3 s for more group members on every start.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The services create their topics with the partitions they expect; a typo must
        // not create one.
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static void formatOnFirstStart(Path logDir, Properties config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = logDir.getParent().resolve("kafka-server.properties");
            try (Writer writer = Files.newBufferedWriter(file)) {
                config.store(writer, "Written by the launcher for the storage format step");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(
                    new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString() },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new LaunchException("Formatting Kafka's log directory " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare Kafka's log directory " + logDir, ex);
        }
    }

}
