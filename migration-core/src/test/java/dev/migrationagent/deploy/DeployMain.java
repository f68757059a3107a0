package dev.migrationagent.deploy;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.ShadowSetting;
import java.nio.file.Path;

/** A deploying JVM for the kill test: {@code DeployMain <project dir> <jdbc url>}; prints progress to stdout. */
public final class DeployMain {
    private DeployMain() {}

    public static void main(String[] args) {
        AnalysisRequest analysis = AnalysisRequest.builder(Path.of(args[0])).location("filesystem:db/migration")
                .shadow(new ShadowSetting.None()).postgresVersion(17)
                .target(new DatabaseConnection(args[1], "postgres", null)).build();
        var result = MigrationAgent.deploy(DeployRequest.of(analysis), (level, message) -> {
            System.out.println(level + " " + message);
            System.out.flush();
        });
        System.exit(result.outcome().ok() ? 0 : 1);
    }
}
