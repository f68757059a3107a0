package dev.migrationagent.cli;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every subcommand that builds an analysis request (which files, which PostgreSQL, where to trace,
 * which target), and the request they describe; subclasses add what they do with it.
 */
abstract class RequestCommand implements Callable<Integer>, ConfigurationOptions {

    /** Core configuration keys and the options that set them, for error messages. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("postgresVersion", "--pg-version"),
            Map.entry("statsFile", "--stats"),
            Map.entry("smallTableRows", "--small-table-rows"),
            Map.entry("shadow", "--shadow"),
            Map.entry("shadow.user", "--shadow-user"),
            Map.entry("shadow.password", "--shadow-password-env"),
            Map.entry("target", "--url"),
            Map.entry("url", "--url"),
            Map.entry("user", "--user"),
            Map.entry("password", "--password-env"),
            Map.entry("locations", "--location"),
            Map.entry("baselineVersion", "--baseline-version"),
            Map.entry("gitBase", "--git-base"),
            Map.entry("table", "--table"));

    /** Secrets read from the environment (a parameter, so tests need not set real variables), for masking. */
    private final EnvironmentSecrets secrets;

    RequestCommand(Function<String, String> environment) {
        this.secrets = new EnvironmentSecrets(environment);
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-m", "--migration"},
            paramLabel = "FILE",
            description = "A migration file under review; repeat for several, analyzed in the given order.")
    List<Path> migrations;

    @Option(
            names = {"-l", "--location"},
            paramLabel = "LOCATION",
            description = "Instead of --migration: a Flyway location of the service's migrations, e.g."
                    + " filesystem:src/main/resources/db/migration (relative to the working directory); repeat for"
                    + " several. Those not under review are replayed first, so the reviewed ones meet their tables.")
    List<String> locations;

    @Option(
            names = "--baseline-version",
            paramLabel = "VERSION",
            description = "With --location: review only migrations above this version (what production runs).")
    String baselineVersion;

    @Option(
            names = "--git-base",
            paramLabel = "REF",
            description = "With --location: review only migrations added or changed since this git ref. Without it"
                    + " or --baseline-version: changes since origin/main in a git checkout, else the newest one.")
    String gitBase;

    @Option(
            names = "--pg-version",
            paramLabel = "N",
            description = "Target PostgreSQL major version, " + AnalysisRequest.MIN_POSTGRES + " to "
                    + AnalysisRequest.MAX_POSTGRES + " (default: the --url server's major, else "
                    + AnalysisRequest.MAX_POSTGRES + ").")
    Integer postgresVersion;

    @Option(names = "--stats", paramLabel = "FILE", description = "Table statistics (JSON) to size lock estimates.")
    Path statsFile;

    @Option(
            names = "--small-table-rows",
            paramLabel = "N",
            description = "Tables with fewer rows are small: their locks do not count as blocking "
                    + "(default: the core's, 10000).")
    Long smallTableRows;

    @Option(names = {"-v", "--verbose"}, description = "Print progress messages to stderr.")
    boolean verbose;

    @Option(
            names = "--shadow",
            paramLabel = "none|embedded|URL",
            description = "Where to trace the migrations: none (static rules only), embedded (an embedded "
                    + "PostgreSQL), or the jdbc:postgresql: URL of a server for scratch databases (default: none for "
                    + "analyze, embedded for validate, plan and deploy; validate and plan refuse none).")
    String shadow;

    @Option(names = "--shadow-user", paramLabel = "USER", description = "User for a --shadow URL.")
    String shadowUser;

    @Option(
            names = "--shadow-password-env",
            paramLabel = "NAME",
            description = "Environment variable holding the password for a --shadow URL.")
    String shadowPasswordEnv;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "JDBC URL of the target database, read only (its PostgreSQL major and table sizes) except"
                    + " for deploy, which applies the migrations to it.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "User for --url.")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "NAME",
            description = "Environment variable holding the password for --url (never the password itself: "
                    + "command lines show up in process lists and shell history).")
    String passwordEnv;

    @Option(
            names = "--table",
            paramLabel = "[SCHEMA.]TABLE",
            description = "Flyway's schema history table on the --url target, case-sensitive as in Flyway: its rows"
                    + " tell the applied migrations (the shadow's baseline) from the pending ones, it is left out of"
                    + " the schema read there, and deploy records what it applies in it, with SCHEMA as Flyway's"
                    + " default schema (default: flyway_schema_history in the connection's current schema).")
    String table;

    /** The core request the options describe, without running it: the seam the option tests use. */
    AnalysisRequest request() {
        AnalysisRequest.Builder builder = AnalysisRequest.builder(Path.of("").toAbsolutePath())
                .scope(scope())
                .statsFile(statsFile)
                .shadow(shadowSetting());
        migrations().forEach(builder::file);
        locations().forEach(builder::location);
        if (postgresVersion != null) {
            builder.postgresVersion(postgresVersion);
        }
        if (smallTableRows != null) {
            builder.smallTableRows(smallTableRows);
        }
        if (url != null) {
            builder.target(new DatabaseConnection(url, user, secrets.fromEnv("--password-env", passwordEnv)));
        }
        if (table != null) {
            builder.table(table);
        }
        return builder.build();
    }

    private List<Path> migrations() {
        return migrations == null ? List.of() : migrations;
    }

    /** The {@code --location} values; a subcommand that always reads Flyway locations may supply a default. */
    List<String> locations() {
        return locations == null ? List.of() : locations;
    }

    /**
     * Every file given with {@code --migration} is reviewed; among the migrations of {@code --location}, the
     * baseline or git ref chooses. Usage mistakes go through picocli's parameter handler: one line and the hint.
     */
    private ReviewScope scope() {
        if (migrations().isEmpty() == locations().isEmpty()) {
            throw new ParameterException(spec.commandLine(), migrations().isEmpty()
                    ? "Missing required option: '--migration=FILE' (or '--location=LOCATION')"
                    : "--migration and --location cannot be combined: give the files, or the folder they live in");
        }
        if (!migrations().isEmpty()) {
            if (baselineVersion != null || gitBase != null) {
                throw new ParameterException(spec.commandLine(), (baselineVersion != null ? "--baseline-version"
                        : "--git-base") + " chooses among the migrations of --location; every --migration file is"
                        + " reviewed");
            }
            return new ReviewScope.All();
        }
        if (baselineVersion != null && gitBase != null) {
            throw new ParameterException(spec.commandLine(),
                    "--baseline-version and --git-base cannot be combined: give one of them");
        }
        if (baselineVersion != null) {
            return new ReviewScope.AfterVersion(baselineVersion);
        }
        return gitBase != null ? new ReviewScope.ChangedSince(gitBase) : new ReviewScope.Auto();
    }

    /**
     * Whether {@code --shadow none} is refused, for subcommands whose point is the run on the shadow; their
     * {@code --shadow} defaults to {@code embedded}, the others' to {@code none}.
     */
    boolean requiresShadow() {
        return false;
    }

    /** The {@code --shadow} when none is given: {@code embedded} where a shadow is required, else {@code none}. */
    String defaultShadow() {
        return requiresShadow() ? "embedded" : "none";
    }

    private ShadowSetting shadowSetting() {
        String text = shadow != null ? shadow : defaultShadow();
        ShadowSetting setting = ShadowSetting.parse(text, shadowUser,
                secrets.fromEnv("--shadow-password-env", shadowPasswordEnv));
        if (requiresShadow() && setting instanceof ShadowSetting.None) {
            throw new InvalidConfigurationException("shadow", text.trim(), spec.name() + " runs the migrations on "
                    + "a shadow and needs one: use embedded or a jdbc:postgresql: URL, or run analyze for the static "
                    + "rules alone");
        }
        return setting;
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return Optional.ofNullable(OPTIONS.get(parameter));
    }

    @Override
    public List<Secret> secrets() {
        return secrets.all();
    }

    /** Checks the input files here, before the core runs, so the message names the option the user typed. */
    void requireReadableInputs() {
        scope(); // a usage mistake in the choice of files is reported before any file is looked at
        for (Path migration : migrations()) {
            requireReadableFile("--migration", migration);
        }
        if (statsFile != null) {
            requireReadableFile("--stats", statsFile);
        }
    }

    private static void requireReadableFile(String option, Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(option + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + " " + file + ": not readable");
        }
    }

    /** Warnings always reach {@code err}; progress messages only with {@code --verbose}. */
    Listener listener(PrintWriter err) {
        return (level, message) -> {
            if (level == Listener.Level.WARN) {
                err.println("warning: " + message);
            } else if (verbose) {
                err.println(message);
            }
        };
    }
}
