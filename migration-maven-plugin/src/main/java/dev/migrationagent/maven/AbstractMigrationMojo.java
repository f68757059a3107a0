package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.api.Secret;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters every goal shares (what to read, where to trace, which target) and the frame every goal runs
 * in; Maven merges properties into the fields, so nothing here reads them by hand.
 */
abstract class AbstractMigrationMojo extends AbstractMojo {

    /** Skips the goal. Property: {@code migration.skip}. */
    @Parameter(property = "migration.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Flyway locations of the migration scripts, e.g. {@code filesystem:src/main/resources/db/migration};
     * relative paths start at {@code ${basedir}}. When not set, Flyway's own {@code flyway.locations} property
     * is used if present, else {@code filesystem:src/main/resources/db/migration}. Property:
     * {@code migration.locations} (comma-separated).
     */
    @Parameter(property = "migration.locations")
    private String[] locations;

    /**
     * Flyway's comma-separated {@code flyway.locations} property, read so a project already configured for
     * Flyway needs no second copy; {@code <locations>} wins over it. Property: {@code flyway.locations}.
     */
    @Parameter(property = "flyway.locations")
    private String flywayLocations;

    /**
     * Reviews only migrations with a version above this one (the deployed version); older ones are replayed into
     * the schema model. Cannot be combined with {@code gitBase}. Without either, the check reviews what changed
     * since {@code origin/main} in a git checkout, else the newest migration. Property:
     * {@code migration.baselineVersion}.
     */
    @Parameter(property = "migration.baselineVersion")
    private String baselineVersion;

    /**
     * Reviews only migrations added or changed since this git ref, e.g. {@code origin/main} in a pull-request
     * build. Cannot be combined with {@code baselineVersion}. Property: {@code migration.gitBase}.
     */
    @Parameter(property = "migration.gitBase")
    private String gitBase;

    /**
     * Target PostgreSQL major version (10 to 17). When not set: the server major of the {@code url} target if
     * there is one, else 17. Property: {@code migration.postgresVersion}.
     */
    @Parameter(property = "migration.postgresVersion")
    private Integer postgresVersion;

    /**
     * Table statistics of the target database (JSON with row counts and sizes), so that locks are judged by
     * table size. Property: {@code migration.statsFile}.
     */
    @Parameter(property = "migration.statsFile")
    private File statsFile;

    /**
     * Tables with fewer rows count as small: a short lock on them is not reported as blocking. Property:
     * {@code migration.smallTableRows}.
     */
    @Parameter(property = "migration.smallTableRows", defaultValue = "10000")
    private long smallTableRows;

    /**
     * Per-rule overrides: {@code <rules><rule><id>ban-drop-column</id><severity>WARNING</severity></rule></rules>};
     * {@code <enabled>false</enabled>} turns a rule off. POM only.
     */
    @Parameter
    private List<Rule> rules;

    /** Flyway placeholders, replaced in the scripts as Flyway would before analysis. POM only. */
    @Parameter
    private Map<String, String> placeholders;

    /**
     * Where the migrations under review are traced: {@code embedded} (an embedded PostgreSQL of
     * {@code postgresVersion}, started on first use), {@code none} (static rules only; not allowed
     * for {@code validate}) or the {@code jdbc:postgresql:} URL of a server where a uniquely named scratch
     * database is created and dropped. Property: {@code migration.shadow}.
     */
    @Parameter(property = "migration.shadow", defaultValue = "embedded")
    private String shadow;

    /** User for a {@code jdbc:postgresql:} {@code shadow}. Property: {@code migration.shadowUser}. */
    @Parameter(property = "migration.shadowUser")
    private String shadowUser;

    /**
     * Password for a {@code jdbc:postgresql:} {@code shadow}; never logged. Property:
     * {@code migration.shadowPassword}.
     */
    @Parameter(property = "migration.shadowPassword")
    private String shadowPassword;

    /**
     * JDBC URL of the database the migrations will be deployed to, read only, e.g.
     * {@code jdbc:postgresql://db:5432/orders}; falls back to Flyway's {@code flyway.url}. Without either there is
     * no target and {@code statsFile} sizes the tables. Property: {@code migration.url}.
     */
    @Parameter(property = "migration.url")
    private String url;

    /** Flyway's {@code flyway.url} property, used when {@code url} is not set. Property: {@code flyway.url}. */
    @Parameter(property = "flyway.url")
    private String flywayUrl;

    /**
     * User for the target database; falls back to Flyway's {@code flyway.user}. When neither is set, the
     * settings.xml server {@code serverId} supplies user and password. Property: {@code migration.user}.
     */
    @Parameter(property = "migration.user")
    private String user;

    /** Flyway's {@code flyway.user} property, used when {@code user} is not set. Property: {@code flyway.user}. */
    @Parameter(property = "flyway.user")
    private String flywayUser;

    /**
     * Password for the target database; falls back to Flyway's {@code flyway.password}; never logged. Prefer the
     * settings.xml server {@code serverId}, which keeps it out of the POM. Property: {@code migration.password}.
     */
    @Parameter(property = "migration.password")
    private String password;

    /**
     * Flyway's {@code flyway.password} property, used when {@code password} is not set. Property:
     * {@code flyway.password}.
     */
    @Parameter(property = "flyway.password")
    private String flywayPassword;

    /**
     * Id of the settings.xml {@code <server>} holding the target's user and (possibly encrypted) password, as
     * for Flyway: consulted only when no {@code user} is set; setting a user while the server also exists is an
     * error. Property: {@code migration.serverId}.
     */
    @Parameter(property = "migration.serverId", defaultValue = "flyway-db")
    private String serverId;

    /**
     * Flyway's schema history table on the target, as Flyway's {@code table} setting names it:
     * {@code flyway_schema_history} (the default) or {@code schema.table}; names are case-sensitive, as in Flyway.
     * Its rows tell the applied migrations, which rebuild the shadow's baseline (for {@code plan} too), from the
     * pending ones; the table is left out of every schema comparison, and {@code deploy} has Flyway record what it
     * applies there (its schema, if any, as Flyway's {@code defaultSchema}). When not set, Flyway's own
     * {@code flyway.table} property is used if present; a name without schema is looked up in
     * {@code flyway.defaultSchema}, else the first of {@code flyway.schemas}, else the connection's current schema,
     * as Flyway does. Property: {@code migration.table}.
     */
    @Parameter(property = "migration.table")
    private String table;

    /** Flyway's {@code flyway.table} property, used when {@code table} is not set. Property: {@code flyway.table}. */
    @Parameter(property = "flyway.table")
    private String flywayTable;

    /**
     * Flyway's {@code flyway.defaultSchema} property: the schema of a {@code table} given without one. Property:
     * {@code flyway.defaultSchema}.
     */
    @Parameter(property = "flyway.defaultSchema")
    private String flywayDefaultSchema;

    /**
     * Flyway's comma-separated {@code flyway.schemas} property: its first schema holds a {@code table} given without
     * one when {@code flyway.defaultSchema} is not set. Property: {@code flyway.schemas}.
     */
    @Parameter(property = "flyway.schemas")
    private String flywaySchemas;

    /** Maven's settings, for the {@code serverId} credentials. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** The project under check: its base directory anchors relative paths; receives {@code migration.outcome}. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private static final String EMBEDDED_SERVER_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.zonky.test";

    /** What a goal does with the request its parameters describe: one core call and what follows from it. */
    @FunctionalInterface
    interface Body {
        void run(AnalysisRequest request, Listener listener) throws MojoExecutionException, MojoFailureException;
    }

    /**
     * Runs one goal: honours {@code skip}, builds the request, hands it to {@code body}, and maps what the core
     * throws to the Maven exception that says who must act.
     *
     * @param goal the goal name, for messages
     * @param decrypter decrypts settings.xml passwords
     * @param requireShadow {@code true} when the goal runs the migrations on a shadow and so rejects
     *     {@code <shadow>none}
     * @param properties the {@code -D} property of each parameter this goal adds or names differently, for messages
     */
    protected final void run(String goal, SettingsDecrypter decrypter, boolean requireShadow,
            Map<String, String> properties, Body body) throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping migration:" + goal + " (migration.skip=true)");
            return;
        }
        // The embedded server library reports every start at INFO through Maven's SLF4J logger; only its
        // warnings belong in a build log. A user's own -D setting wins.
        if (System.getProperty(EMBEDDED_SERVER_LOG_LEVEL) == null) {
            System.setProperty(EMBEDDED_SERVER_LOG_LEVEL, "warn");
        }
        CheckConfiguration configuration = configuration();
        // grows by the settings.xml password once the request has it, so that a driver echoing it is masked too
        List<Secret> secrets = new ArrayList<>(configuration.databases().secrets());
        try {
            AnalysisRequest request = configuration.toRequest(
                    new SettingsServers(settings, decrypter, getLog()), requireShadow ? goal : null);
            secrets.addAll(CheckConfiguration.secretsOf(request));
            // toString of shadow and target shows neither passwords nor URL parameters
            getLog().debug("Shadow: " + request.shadow() + "; target: " + request.target());
            body.run(request, new MavenLogListener(getLog()));
        } catch (DatabaseUnavailableException e) {
            throw MojoErrors.databaseUnavailable(e, secrets);
        } catch (MigrationAgentException e) {
            throw MojoErrors.map(e, secrets, properties);
        } catch (RuntimeException e) { // a defect in the core; distinguish it from the user's mistakes above
            throw MojoErrors.unexpected(goal, e);
        } finally {
            // Maven closes the plugin's class realm before JVM exit, when the server library's own shutdown hook
            // could no longer load its classes and would leave the server's data directory in /tmp.
            MigrationAgent.stopEmbeddedServers();
        }
    }

    /** The project the goal runs for. */
    protected final MavenProject project() {
        return project;
    }

    private CheckConfiguration configuration() {
        CheckConfiguration.Databases databases = new CheckConfiguration.Databases(shadow, shadowUser,
                Secret.of(shadowPassword), url, flywayUrl, user, flywayUser, Secret.of(password),
                Secret.of(flywayPassword), serverId);
        return new CheckConfiguration(project.getBasedir().toPath(),
                locations == null ? List.of() : Arrays.asList(locations),
                flywayLocations, baselineVersion, gitBase, postgresVersion,
                statsFile == null ? null : statsFile.toPath(), smallTableRows, rules, placeholders, databases,
                new CheckConfiguration.History(table, flywayTable, flywayDefaultSchema, flywaySchemas));
    }
}
