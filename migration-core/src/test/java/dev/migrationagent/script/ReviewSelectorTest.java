package dev.migrationagent.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewSelectorTest {
    @TempDir
    Path repo;

    private List<MigrationScript> scripts() {
        return ScriptLocator.find(repo, List.of("db"), Map.of(), Listener.silent());
    }

    private void git(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    @Test
    void baselineVersionReviewsOnlyLaterVersions() throws Exception {
        Files.createDirectories(repo.resolve("db"));
        for (String f : List.of("V1__a.sql", "V2__b.sql", "V2_1__c.sql", "R__v.sql")) {
            Files.writeString(repo.resolve("db").resolve(f), "SELECT 1;");
        }
        assertThat(ReviewSelector.select(scripts(), new ReviewScope.AfterVersion("2"), repo, Listener.silent()))
                .extracting(MigrationScript::path).containsExactly("db/V2_1__c.sql");
        assertThatThrownBy(() -> ReviewSelector.select(scripts(), new ReviewScope.AfterVersion("two"), repo,
                Listener.silent())).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("baselineVersion"));
    }

    @Test
    void gitBaseReviewsScriptsAddedOrChangedSinceTheRefIncludingUncommittedOnes() throws Exception {
        Files.createDirectories(repo.resolve("db"));
        git("init", "-q", "-b", "main");
        git("config", "user.email", "t@example.com");
        git("config", "user.name", "t");
        Files.writeString(repo.resolve("db/V1__a.sql"), "SELECT 1;");
        Files.writeString(repo.resolve("db/V2__b.sql"), "SELECT 1;");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
        Files.writeString(repo.resolve("db/V3__c.sql"), "SELECT 3;");
        git("add", ".");
        git("commit", "-q", "-m", "feature");
        Files.writeString(repo.resolve("db/V4__d.sql"), "SELECT 4;");
        List<MigrationScript> reviewed = ReviewSelector.select(scripts(), new ReviewScope.ChangedSince("main"), repo,
                Listener.silent());
        assertThat(reviewed).extracting(MigrationScript::path).containsExactly("db/V3__c.sql", "db/V4__d.sql");
        assertThat(ReviewSelector.select(scripts(), new ReviewScope.Auto(), repo, Listener.silent()))
                .extracting(MigrationScript::path).containsExactly("db/V3__c.sql", "db/V4__d.sql");
        assertThatThrownBy(() -> ReviewSelector.select(scripts(), new ReviewScope.ChangedSince("no-such-ref"), repo,
                Listener.silent())).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("gitBase")).hasMessageContaining("no-such-ref");
    }

    @Test
    void withoutGitTheNewestMigrationIsReviewed() throws Exception {
        Files.createDirectories(repo.resolve("db"));
        Files.writeString(repo.resolve("db/V1__a.sql"), "SELECT 1;");
        Files.writeString(repo.resolve("db/V2__b.sql"), "SELECT 1;");
        assertThat(ReviewSelector.select(scripts(), new ReviewScope.Auto(), repo, Listener.silent()))
                .extracting(MigrationScript::path).containsExactly("db/V2__b.sql");
    }
}
