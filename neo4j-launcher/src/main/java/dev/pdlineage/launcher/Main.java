package dev.pdlineage.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import inet.ipaddr.IPAddressString;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
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
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community embedded with only Bolt, on 127.0.0.1, locked down: authentication on (user
 * {@code neo4j}, the password the app generated, passed in {@code PDL_NEO4J_PASSWORD} so it never shows in a
 * process list), plain Bolt only (see {@link BoltOnlyTransport}: no HTTP, no WebSocket upgrade), and no
 * {@code LOAD CSV} from files or URLs.
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
    String password = System.getenv("PDL_NEO4J_PASSWORD");
    if (password == null || password.length() < 16) {
      System.err.println("neo4j-launcher: PDL_NEO4J_PASSWORD must hold the database password (16+ characters)");
      System.exit(2);
    }

    applyPassword(home, pageCacheMiB, password);
    DatabaseManagementService dbms =
        lockedDown(home, pageCacheMiB)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
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

  /** Everything but Bolt itself: the settings both starts share. */
  private static DatabaseManagementServiceBuilder lockedDown(Path home, long pageCacheMiB) {
    return new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // The password is 192 random bits: guessing is hopeless, while locking the user after 3 wrong tries
        // would let any local process lock the app itself out of its database.
        .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
        // LOAD CSV can read neither local files (no import directory either) nor URLs (every address blocked).
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("no-import").toAbsolutePath())
        .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(15))
        // The app stops the database only once its own connections are done (its stdin closes): Bolt's defaults (a 5 s
        // quiet period for Netty, then 5 s for its worker threads) made every stop take 10 s for nothing.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
  }

  /**
   * Sets user neo4j's password before Bolt ever listens. A new store gets it as its initial password (the
   * mechanism of {@code neo4j-admin dbms set-initial-password}: applied when the system database is created, so
   * no extra start). An existing store (one from before authentication was on, or a password that changed) is
   * started once with Bolt off to run {@code ALTER USER} on the system database (embedded calls need no login).
   * A digest of the applied password is kept next to the store, so later starts skip all of this.
   */
  private static void applyPassword(Path home, long pageCacheMiB, String password) throws Exception {
    Path marker = home.resolve("password-applied");
    String digest = sha256(password);
    if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(digest)) return;
    if (!Files.exists(home.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
      writeInitialPassword(home, password);
    } else {
      DatabaseManagementService setup = lockedDown(home, pageCacheMiB).setConfig(BoltConnector.enabled, false).build();
      try {
        GraphDatabaseService system = setup.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
          system.executeTransactionally(
              "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
          // The same password again (marker lost): nothing to change.
          if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
      } finally {
        setup.shutdown();
      }
    }
    Files.writeString(marker, digest + "\n", StandardCharsets.UTF_8);
    ownerOnly(marker);
  }

  /** Writes {@code data/dbms/auth.ini}: user neo4j with this password (salted hash), no change required. */
  private static void writeInitialPassword(Path home, String password) throws Exception {
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
    try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      fs.mkdirs(file.getParent());
      if (fs.fileExists(file)) fs.deleteFile(file);
      FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
      users.start();
      users.create(
          new User("neo4j", null, SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
      users.shutdown();
    }
    ownerOnly(file);
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  private static String sha256(String s) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : hash) hex.append(String.format("%02x", b));
    return hex.toString();
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
