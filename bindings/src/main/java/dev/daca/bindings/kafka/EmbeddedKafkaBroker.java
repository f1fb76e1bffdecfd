package dev.daca.bindings.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), run in-process from the Kafka server
 * jars on Maven Central. This is the embedded default's event bus: the same wire protocol, partitions, consumer
 * groups and dead-letter topics as a cluster, with no server installed. Its log directory persists across restarts
 * when it is under the data directory, so events accepted before a restart are still there after it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	private final KafkaRaftServer server;

	private final int port;

	private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

	private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Format the log directory if it is new, then start the broker.
	 * @param logDir where the broker keeps its logs and metadata
	 * @param port the client port on 127.0.0.1, or 0 for a free one
	 * @param partitions default partition count of auto-created topics
	 */
	public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions) {
		try {
			Files.createDirectories(logDir);
			int clientPort = port > 0 ? port : freePort();
			int controllerPort = freePort();
			Properties props = new Properties();
			props.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
					Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
					Map.entry("listeners",
							"PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
					Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
					Map.entry("controller.listener.names", "CONTROLLER"),
					Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
					Map.entry("inter.broker.listener.name", "PLAINTEXT"),
					Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
					Map.entry("num.partitions", Integer.toString(partitions)),
					Map.entry("auto.create.topics.enable", "true"),
					Map.entry("offsets.topic.replication.factor", "1"),
					Map.entry("offsets.topic.num.partitions", "5"),
					Map.entry("transaction.state.log.replication.factor", "1"),
					Map.entry("transaction.state.log.min.isr", "1"),
					Map.entry("transaction.state.log.num.partitions", "5"),
					Map.entry("group.initial.rebalance.delay.ms", "0"),
					Map.entry("log.flush.interval.messages", "1"),
					Map.entry("log.segment.bytes", Integer.toString(16 * 1024 * 1024)),
					Map.entry("log.retention.hours", "168"),
					Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024))));
			format(logDir);
			KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
			server.startup();
			log.info("Embedded Kafka broker (KRaft) listening on 127.0.0.1:{}, logs in {}", clientPort, logDir);
			return new EmbeddedKafkaBroker(server, clientPort);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Embedded Kafka broker did not start in " + logDir + ": " + ex.getMessage(),
					ex);
		}
	}

	private static void format(Path logDir) throws Exception {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(1)
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName("CONTROLLER")
			.setDirectories(Set.of(logDir.toAbsolutePath().toString()))
			.setMetadataLogDirectory(logDir.toAbsolutePath().toString())
			.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
			.setIgnoreFormatted(true)
			.run();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	@Override
	public void close() {
		if (!stopped.compareAndSet(false, true)) {
			return;
		}
		log.info("Stopping embedded Kafka broker on 127.0.0.1:{}", port);
		server.shutdown();
		server.awaitShutdown();
	}
}
