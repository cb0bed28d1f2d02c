package dev.pdlineage.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community embedded with only Bolt, on 127.0.0.1.
 *
 * <p>Usage: {@code java ... -jar neo4j-launcher.jar <dataDir> [port] [pageCacheMiB]}. Port 0 picks a free port.
 * Prints one line {@code NEO4J_READY bolt://127.0.0.1:<port> <version>} on stdout once Bolt accepts connections.
 * It shuts the database down cleanly on SIGTERM/SIGINT and when its stdin closes, so the store is never left
 * corrupt and no JVM outlives the Node process that started it (even if that process is killed).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: neo4j-launcher <dataDir> [port] [pageCacheMiB]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            // Loopback only and started by the app itself; a remote NEO4J_URI is the path for shared servers.
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
            .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofMinutes(5))
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              System.err.println("neo4j-launcher: shutting down");
              dbms.shutdown();
              stopped.countDown();
            },
            "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    ConnectorPortRegister ports =
        ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    int boltPort = ports.getLocalAddress(ConnectorType.BOLT).getPort();
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + boltPort + " " + Version.getNeo4jVersion());
    System.out.flush();

    // The parent closes our stdin when it exits for any reason: that is our cue to stop.
    waitForEof(System.in);
    System.exit(0);
  }

  private static void waitForEof(InputStream in) {
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // ignore anything written to us
      }
    } catch (IOException e) {
      // stdin broken: same as closed
    }
  }
}
