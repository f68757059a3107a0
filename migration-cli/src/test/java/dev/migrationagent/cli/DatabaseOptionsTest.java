package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shadow and target options of {@code analyze} and {@code validate}, and what they never print. */
class DatabaseOptionsTest {
    private static final String SENTINEL = "S3ntinel-" + UUID.randomUUID();
    private static final Map<String, String> ENV = Map.of("TARGET_PW", SENTINEL, "SHADOW_PW", "shadow-" + SENTINEL);
    /** Nothing listens on port 1, so a connection is refused at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/orders";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(ENV::get, args);
    }

    /** Parses the arguments into a command and returns the request it would analyze, without analyzing it. */
    private static AnalysisRequest request(RequestCommand command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command.request();
    }

    private String migration() throws IOException {
        return Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n").toString();
    }

    @Test
    void analyzeStaysStaticWithoutDatabaseOptions() {
        AnalysisRequest request = request(new AnalyzeCommand(ENV::get), "-m", "V1__t.sql");
        assertThat(request.shadow()).isEqualTo(new ShadowSetting.None());
        assertThat(request.target()).isNull();
        assertThat(request.postgresVersionExplicit()).isFalse();
    }

    @Test
    void parsesShadowAndTargetOptions() {
        AnalysisRequest request = request(new AnalyzeCommand(ENV::get), "-m", "V1__t.sql",
                "--shadow", "jdbc:postgresql://scratch:5432/postgres", "--shadow-user", "scratch",
                "--shadow-password-env", "SHADOW_PW",
                "--url", "jdbc:postgresql://db:5432/orders", "--user", "app", "--password-env", "TARGET_PW",
                "--pg-version", "15");

        assertThat(request.shadow()).isInstanceOfSatisfying(ShadowSetting.Server.class, s -> {
            assertThat(s.server().url()).isEqualTo("jdbc:postgresql://scratch:5432/postgres");
            assertThat(s.server().user()).isEqualTo("scratch");
            assertThat(s.server().password().reveal()).isEqualTo("shadow-" + SENTINEL);
        });
        assertThat(request.target().url()).isEqualTo("jdbc:postgresql://db:5432/orders");
        assertThat(request.target().user()).isEqualTo("app");
        assertThat(request.target().password().reveal()).isEqualTo(SENTINEL);
        assertThat(request.postgresVersion()).isEqualTo(15);
        assertThat(request.postgresVersionExplicit()).isTrue();
        assertThat(request.toString()).doesNotContain(SENTINEL);
    }

    @Test
    void embeddedShadowForAnalyzeAndByDefaultForValidate() {
        assertThat(request(new AnalyzeCommand(ENV::get), "-m", "x.sql", "--shadow", "embedded").shadow())
                .isEqualTo(new ShadowSetting.Embedded());
        assertThat(request(new ValidateCommand(ENV::get), "-m", "x.sql").shadow())
                .isEqualTo(new ShadowSetting.Embedded());
    }

    @Test
    void validateRefusesShadowNone() throws IOException {
        assertThatThrownBy(() -> request(new ValidateCommand(ENV::get), "-m", "x.sql", "--shadow", "none"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("shadow"));

        CommandRun run = run("validate", "-m", migration(), "--shadow", "none");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --shadow none: validate").contains("embedded")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badShadowNamesTheOption() throws IOException {
        CommandRun run = run("analyze", "-m", migration(), "--shadow", "mysql://db");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --shadow mysql://db: ");
    }

    @Test
    void tableNamesFlywaysHistoryTableDefaultingToFlywaysName() {
        assertThat(request(new AnalyzeCommand(ENV::get), "-m", "x.sql").table()).isEqualTo(HistoryTable.DEFAULT);
        assertThat(request(new AnalyzeCommand(ENV::get), "-m", "x.sql", "--table", "app.Schema_Version").table())
                .isEqualTo(new HistoryTable("app", "Schema_Version"));
        // A shared option: the plan's baseline is read from the same table.
        assertThat(request(new PlanCommand(ENV::get), "-m", "x.sql", "--table", "app.Schema_Version").table())
                .isEqualTo(new HistoryTable("app", "Schema_Version"));
    }

    @Test
    void badTableIsAUsageErrorNamingTheOption() throws IOException {
        CommandRun run = run("analyze", "-m", migration(), "--table", "a.b.c");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --table a.b.c: expected the schema history table as table or "
                + "schema.table").doesNotContain("Exception");
    }

    @Test
    void unsetPasswordVariableIsAUsageError() throws IOException {
        CommandRun run = run("analyze", "-m", migration(), "--url", UNREACHABLE, "--password-env", "NOT_SET");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --password-env NOT_SET: environment variable not set");
    }

    @Test
    void unreachableTargetIsExitTwoOnOneLineWithoutThePassword() throws IOException {
        CommandRun run = run("analyze", "-v", "-m", migration(), "--url", UNREACHABLE + "?password=" + SENTINEL,
                "--user", "app", "--password-env", "TARGET_PW");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).as("-v progress lines, then exactly one error line")
                .filteredOn(line -> line.startsWith("error: ")).hasSize(1);
        assertThat(lines.get(lines.size() - 1)).startsWith("error: cannot reach").contains("127.0.0.1:1");
        assertThat(run.out() + run.err()).doesNotContain(SENTINEL);
    }

    @Test
    void unreachableShadowNeverPrintsItsPassword() throws IOException {
        CommandRun run = run("validate", "-v", "-m", migration(), "--shadow", "jdbc:postgresql://127.0.0.1:1/postgres",
                "--shadow-user", "scratch", "--shadow-password-env", "SHADOW_PW",
                "--url", UNREACHABLE, "--password-env", "TARGET_PW");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out() + run.err()).doesNotContain(SENTINEL);
    }

    @Test
    void messagesThatQuoteAPasswordAreMasked() {
        String leaky = new DatabaseUnavailableException("cannot reach db with " + SENTINEL, null).getMessage();
        assertThat(ErrorHandler.mask(leaky, List.of(Secret.of(SENTINEL)))).isEqualTo("cannot reach db with ********");
    }

    @Test
    void coreKeysNameTheOptions() {
        AnalyzeCommand command = new AnalyzeCommand(ENV::get);
        assertThat(ErrorHandler.describe(new InvalidConfigurationException("password", "********",
                "authentication failed for user app"), command))
                .isEqualTo("--password-env: authentication failed for user app");
        assertThat(ErrorHandler.describe(new InvalidConfigurationException("target", "jdbc:postgresql://db/x",
                "the database does not exist"), command))
                .isEqualTo("--url jdbc:postgresql://db/x: the database does not exist");
        assertThat(ErrorHandler.describe(new InvalidConfigurationException("user", "app", "rejected"), command))
                .isEqualTo("--user app: rejected");
    }
}
