package dev.migrationagent.maven;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.Severity;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code check} goal's parameters as plain values, and their translation into a core request.
 *
 * <p>Kept apart from the Mojo so the mapping can be unit-tested without a Maven runtime.
 *
 * @param baseDir the project base directory
 * @param locations {@code <locations>} as configured; empty when not set
 * @param flywayLocations the {@code flyway.locations} property (comma-separated), or {@code null}
 * @param baselineVersion {@code <baselineVersion>}, or {@code null}
 * @param gitBase {@code <gitBase>}, or {@code null}
 * @param postgresVersion {@code <postgresVersion>}, or {@code null} for the target's major (else the core's default)
 * @param statsFile {@code <statsFile>}, or {@code null}
 * @param smallTableRows {@code <smallTableRows>}
 * @param rules {@code <rules>}
 * @param placeholders {@code <placeholders>}
 * @param databases the shadow and target connection parameters
 * @param history where Flyway keeps its schema history; {@code null} for Flyway's default
 */
record CheckConfiguration(
        Path baseDir,
        List<String> locations,
        String flywayLocations,
        String baselineVersion,
        String gitBase,
        Integer postgresVersion,
        Path statsFile,
        long smallTableRows,
        List<Rule> rules,
        Map<String, String> placeholders,
        Databases databases,
        History history) {

    private static final String FILESYSTEM = "filesystem:";

    CheckConfiguration {
        Objects.requireNonNull(baseDir, "baseDir");
        locations = locations == null ? List.of() : List.copyOf(locations);
        rules = rules == null ? List.of() : List.copyOf(rules);
        // Maven hands an empty <key/> element over as a null value, which Map.copyOf rejects.
        Map<String, String> copy = new LinkedHashMap<>();
        if (placeholders != null) {
            placeholders.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        }
        placeholders = copy;
        databases = databases == null ? Databases.NONE : databases;
        history = history == null ? History.NONE : history;
    }

    /**
     * Where Flyway keeps its schema history, as Maven hands the parameters over: {@code <table>} and Flyway's own
     * properties, read so a project configured for Flyway needs no second copy.
     *
     * @param table {@code <table>}, or {@code null}
     * @param flywayTable the {@code flyway.table} property, or {@code null}
     * @param flywayDefaultSchema the {@code flyway.defaultSchema} property, or {@code null}
     * @param flywaySchemas the {@code flyway.schemas} property (comma-separated), or {@code null}
     */
    record History(String table, String flywayTable, String flywayDefaultSchema, String flywaySchemas) {
        /** Nothing configured: Flyway's default table. */
        static final History NONE = new History(null, null, null, null);
    }

    /**
     * The shadow and target parameters as Maven hands them over: each {@code migration.*} value and, for the
     * target, its Flyway fallback, which is read so a project configured for Flyway needs no second copy.
     *
     * @param shadow {@code <shadow>}: {@code none}, {@code embedded} or a {@code jdbc:postgresql:} URL
     * @param shadowUser {@code <shadowUser>}, or {@code null}
     * @param shadowPassword {@code <shadowPassword>}, or {@code null}
     * @param url {@code <url>}, or {@code null}
     * @param flywayUrl the {@code flyway.url} property, or {@code null}
     * @param user {@code <user>}, or {@code null}
     * @param flywayUser the {@code flyway.user} property, or {@code null}
     * @param password {@code <password>}, or {@code null}
     * @param flywayPassword the {@code flyway.password} property, or {@code null}
     * @param serverId {@code <serverId>}: the settings.xml server consulted when no user is configured
     */
    record Databases(
            String shadow,
            String shadowUser,
            Secret shadowPassword,
            String url,
            String flywayUrl,
            String user,
            String flywayUser,
            Secret password,
            Secret flywayPassword,
            String serverId) {

        /** Static analysis, no target: what the core did before shadows existed. */
        static final Databases NONE = new Databases("none", null, null, null, null, null, null, null, null, null);

        /** Every secret configured here, so that error messages can be scrubbed of them. */
        List<Secret> secrets() {
            List<Secret> secrets = new ArrayList<>();
            for (Secret s : new Secret[] {shadowPassword, password, flywayPassword}) {
                if (s != null) {
                    secrets.add(s);
                }
            }
            return secrets;
        }
    }

    /** Looks up the user and password of a settings.xml {@code <server>}, decrypted; the Maven side implements it. */
    interface ServerCredentials {
        /** The server's credentials, or empty when settings.xml has no server with that id. */
        Optional<Credentials> lookup(String serverId);

        /** No settings.xml servers at all. */
        ServerCredentials NONE = serverId -> Optional.empty();
    }

    /**
     * A settings.xml server's credentials.
     *
     * @param user the {@code <username>}, or {@code null}
     * @param password the decrypted {@code <password>}, or {@code null}
     */
    record Credentials(String user, Secret password) {}

    /** Builds a static request (no settings.xml servers, any shadow allowed); see the two-argument variant. */
    AnalysisRequest toRequest() {
        return toRequest(ServerCredentials.NONE, null);
    }

    /**
     * Builds the core request; throws {@link InvalidConfigurationException} for values the core would not get.
     *
     * @param servers where the target's credentials come from when no user is configured
     * @param shadowGoal the goal, when it runs the migrations on the shadow and so cannot work with
     *     {@code <shadow>none}; {@code null} for goals that can
     */
    AnalysisRequest toRequest(ServerCredentials servers, String shadowGoal) {
        AnalysisRequest.Builder builder = AnalysisRequest.builder(baseDir)
                .locations(existingLocations())
                .scope(scope())
                .statsFile(statsFile)
                .smallTableRows(smallTableRows)
                .shadow(shadow(shadowGoal))
                .target(target(servers))
                .table(historyTable());
        if (postgresVersion != null) {
            // only an explicit version goes to the core, which otherwise takes the target server's major
            builder.postgresVersion(postgresVersion);
        }
        for (Rule rule : rules) {
            builder.rule(toSetting(rule));
        }
        placeholders.forEach(builder::placeholder);
        return builder.build();
    }

    /**
     * {@code <locations>} when set, else Flyway's own {@code flyway.locations} so a project configured for Flyway
     * needs no second copy, else Flyway's default folder. Relative {@code filesystem:} paths are made absolute
     * against the base directory, which is where Maven users expect them to start, whatever the working directory.
     */
    List<String> effectiveLocations() {
        List<String> raw;
        if (!locations.isEmpty()) {
            raw = locations;
        } else if (!isBlank(flywayLocations)) {
            raw = Arrays.asList(flywayLocations.split(","));
        } else {
            raw = List.of(AnalysisRequest.DEFAULT_LOCATION);
        }
        List<String> resolved = new ArrayList<>();
        for (String location : raw) {
            if (!isBlank(location)) {
                resolved.add(resolve(location.trim()));
            }
        }
        if (resolved.isEmpty()) {
            throw new InvalidConfigurationException("locations", String.join(",", raw), "no location given");
        }
        return resolved;
    }

    /**
     * {@link #effectiveLocations()}, with each {@code filesystem:} folder checked here because only the plugin
     * knows which element the location came from, and a typo there should name that element.
     */
    List<String> existingLocations() {
        String parameter = locations.isEmpty() && !isBlank(flywayLocations) ? "flywayLocations" : "locations";
        List<String> resolved = effectiveLocations();
        for (String location : resolved) {
            if (!location.startsWith(FILESYSTEM)) {
                continue;
            }
            Path folder = Path.of(location.substring(FILESYSTEM.length()));
            if (!Files.isDirectory(folder)) {
                throw new InvalidConfigurationException(parameter, location,
                        "no such folder (relative paths start at the project base directory)");
            }
        }
        return resolved;
    }

    private String resolve(String location) {
        if (!location.startsWith(FILESYSTEM)) {
            return location; // classpath: and friends are the core's business
        }
        Path path = Path.of(location.substring(FILESYSTEM.length()));
        return FILESYSTEM + baseDir.resolve(path).normalize();
    }

    /** The passwords a request carries (target and shadow server), wherever they came from. */
    static List<Secret> secretsOf(AnalysisRequest request) {
        List<Secret> secrets = new ArrayList<>();
        if (request.target() != null && request.target().password() != null) {
            secrets.add(request.target().password());
        }
        if (request.shadow() instanceof ShadowSetting.Server server && server.server().password() != null) {
            secrets.add(server.server().password());
        }
        return secrets;
    }

    /** {@code <shadow>} parsed by the core, whose errors already name {@code shadow}. */
    ShadowSetting shadow(String shadowGoal) {
        ShadowSetting shadow = ShadowSetting.parse(databases.shadow(), blankToNull(databases.shadowUser()),
                databases.shadowPassword());
        if (shadowGoal != null && shadow instanceof ShadowSetting.None) {
            throw new InvalidConfigurationException("shadow", databases.shadow().trim(),
                    "migration:" + shadowGoal + " runs the migrations on a shadow and needs one: use embedded or a "
                            + "jdbc:postgresql: URL, or run migration:check for the static rules alone");
        }
        return shadow;
    }

    /**
     * The target database, or {@code null} without a URL (the statistics file then sizes the tables). User and
     * password follow Flyway's rules, so the same POM and settings.xml serve both plugins: {@code <user>} (else
     * {@code flyway.user}) wins; without one, the settings.xml server {@code <serverId>} supplies both; a user
     * configured while that server also exists is ambiguous and rejected, as Flyway rejects it.
     */
    DatabaseConnection target(ServerCredentials servers) {
        String url = firstNonBlank(databases.url(), databases.flywayUrl());
        if (url == null) {
            // No connection is made, so credentials would go unused; judging them would only fail builds for nothing.
            return null;
        }
        String user = firstNonBlank(databases.user(), databases.flywayUser());
        Secret password = databases.password() != null ? databases.password() : databases.flywayPassword();
        String serverId = blankToNull(databases.serverId());
        Optional<Credentials> server = serverId == null ? Optional.empty() : servers.lookup(serverId);
        if (user == null && server.isPresent()) {
            return new DatabaseConnection(url, server.get().user(), server.get().password());
        }
        if (user != null && server.isPresent()) {
            throw new InvalidConfigurationException("user", user, "credentials are given both here and in "
                    + "settings.xml <server> '" + serverId + "' (<serverId>); use either one or the other");
        }
        return new DatabaseConnection(url, user, password);
    }

    /**
     * The schema history table: {@code <table>}, else Flyway's {@code flyway.table}, else Flyway's default name; a
     * name without schema is in Flyway's {@code flyway.defaultSchema}, else the first of {@code flyway.schemas}, as
     * Flyway puts it there.
     */
    HistoryTable historyTable() {
        String parameter = !isBlank(history.table()) ? "table" : !isBlank(history.flywayTable()) ? "flywayTable" : null;
        String text = parameter == null ? HistoryTable.DEFAULT_NAME
                : parameter.equals("table") ? history.table() : history.flywayTable();
        HistoryTable table;
        try {
            table = HistoryTable.parse(text);
        } catch (InvalidConfigurationException e) {
            // The core names its own key; the value may have come from Flyway's property instead.
            throw new InvalidConfigurationException(parameter, e.value(), MojoErrors.problem(e));
        }
        String schemas = blankToNull(history.flywaySchemas());
        String firstSchema = schemas == null ? null : blankToNull(schemas.split(",")[0]);
        return table.inSchema(firstNonBlank(history.flywayDefaultSchema(), firstSchema));
    }

    /** The review scope: a baseline, or a git ref, or (neither) the core's pull-request default. */
    ReviewScope scope() {
        boolean hasBaseline = !isBlank(baselineVersion);
        boolean hasGitBase = !isBlank(gitBase);
        if (hasBaseline && hasGitBase) {
            throw new InvalidConfigurationException("baselineVersion", baselineVersion.trim(),
                    "cannot be combined with <gitBase> (" + gitBase.trim()
                            + "); set either <baselineVersion> or <gitBase>, not both");
        }
        if (hasBaseline) {
            return new ReviewScope.AfterVersion(baselineVersion.trim());
        }
        if (hasGitBase) {
            return new ReviewScope.ChangedSince(gitBase.trim());
        }
        return new ReviewScope.Auto();
    }

    private static RuleSetting toSetting(Rule rule) {
        if (isBlank(rule.id())) {
            throw new InvalidConfigurationException("rules", "", "every <rule> needs an <id>");
        }
        Severity severity = null;
        if (!isBlank(rule.severity())) {
            severity = Severity.parse(rule.severity());
            if (severity == null) {
                throw new InvalidConfigurationException("rules", rule.severity(),
                        "<severity> of rule " + rule.id() + " must be ERROR, WARNING or INFO");
            }
        }
        return new RuleSetting(rule.id().trim(), severity, rule.enabled());
    }

    /** Parses {@code <formats>}, e.g. {@code json,md,sarif}; blank means no report files. */
    static Set<ReportFormat> formats(String text) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (isBlank(text)) {
            return formats;
        }
        for (String part : text.split(",")) {
            if (isBlank(part)) {
                continue;
            }
            ReportFormat format = ReportFormat.parse(part);
            if (format == null) {
                throw new InvalidConfigurationException("formats", part.trim(), "expected json, md or sarif");
            }
            formats.add(format);
        }
        return formats;
    }

    private static String firstNonBlank(String first, String second) {
        return !isBlank(first) ? first.trim() : blankToNull(second);
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
