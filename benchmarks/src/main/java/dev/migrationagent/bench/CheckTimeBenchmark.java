package dev.migrationagent.bench;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.ShadowSetting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -cp benchmarks.jar dev.migrationagent.bench.CheckTimeBenchmark [runs] [dir]}: how much wall time the
 * embedded shadow adds to a check.
 *
 * <p>Writes a sample service under {@code dir} (default {@code target/check-time}) with 200 applied migrations
 * (tables, added columns, indexes on new tables, constraints, views, seed rows) and one pending migration, then, for
 * {@code runs} rounds (default 3), starts a fresh JVM for the static analysis and one for the analysis with
 * {@link ShadowSetting.Embedded}. Each child JVM times its first {@link MigrationAgent#analyze} call (which for the
 * embedded shadow includes unpacking and starting PostgreSQL) and a second call in the same JVM (server already
 * running). The parent also times each child process from start to exit. Medians are printed, with the goal: the
 * shadow adds at most 5 s, embedded start-up included.
 */
public final class CheckTimeBenchmark {
    private static final int APPLIED = 200;
    private static final double GOAL_SECONDS = 5.0;
    private static final List<String> printed = new ArrayList<>();

    private CheckTimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/check-time").toAbsolutePath();
        Path project = dir.resolve("project");
        writeProject(project);
        System.out.printf(Locale.ROOT, "sample project: %s (%d applied migrations + 1 pending)%n", project, APPLIED);

        List<double[]> stat = new ArrayList<>();
        List<double[]> emb = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            double[] s = runChild("static", project);
            double[] e = runChild("embedded", project);
            System.out.printf(Locale.ROOT, "run %d: static   process %.2f s, first analyze %.2f s, second %.2f s%n",
                    r, s[0], s[1], s[2]);
            System.out.printf(Locale.ROOT, "run %d: embedded process %.2f s, first analyze %.2f s, second %.2f s%n",
                    r, e[0], e[1], e[2]);
            stat.add(s);
            emb.add(e);
        }
        double sp = median(stat, 0), s1 = median(stat, 1), s2 = median(stat, 2);
        double ep = median(emb, 0), e1 = median(emb, 1), e2 = median(emb, 2);
        System.out.printf(Locale.ROOT, "%nmedians of %d fresh JVMs each%n", runs);
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "", "static", "embedded", "added");
        System.out.printf(Locale.ROOT, "%-44s %8.2fs %8.2fs %8.2fs%n", "whole JVM process", sp, ep, ep - sp);
        System.out.printf(Locale.ROOT, "%-44s %8.2fs %8.2fs %8.2fs%n", "first analyze (embedded start included)",
                s1, e1, e1 - s1);
        System.out.printf(Locale.ROOT, "%-44s %8.2fs %8.2fs %8.2fs%n", "second analyze, same JVM (server running)",
                s2, e2, e2 - s2);
        double added = Math.max(ep - sp, e1 - s1);
        System.out.printf(Locale.ROOT, "goal (shadow adds <= %.0f s, embedded start included): %s (%.2f s)%n",
                GOAL_SECONDS, added <= GOAL_SECONDS ? "MET" : "MISSED", added);
    }

    /** Runs one child JVM; returns {process wall, first analyze, second analyze} in seconds. */
    private static double[] runChild(String mode, Path project) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        for (String p : new String[] {"migrationagent.pg-binaries", "maven.repo.local"}) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(CheckTimeBenchmark.class.getName(), "--child", mode, project.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double first = Double.NaN, second = Double.NaN;
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    first = Double.parseDouble(f[1]);
                    second = Double.parseDouble(f[2]);
                }
            }
        }
        int code = p.waitFor();
        if (!printed.contains(mode)) {
            printed.add(mode);
            output.stream().filter(l -> !l.startsWith("RESULT ")).forEach(l -> System.out.println("  " + l));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (code != 0 || Double.isNaN(first)) {
            output.forEach(System.err::println);
            throw new IllegalStateException(mode + " child exited with " + code);
        }
        return new double[] {wall, first, second};
    }

    private static void child(String mode, Path project) {
        AnalysisRequest.Builder b = AnalysisRequest.builder(project)
                .scope(new ReviewScope.AfterVersion(String.valueOf(APPLIED)));
        if (mode.equals("embedded")) {
            b.shadow(new ShadowSetting.Embedded());
        }
        AnalysisRequest request = b.build();
        double[] t = new double[2];
        System.out.println(mode + ": " + System.getProperty("java.vm.name") + " " + Runtime.version());
        for (int i = 0; i < 2; i++) {
            AtomicReference<String> summary = new AtomicReference<>("");
            List<String> warnings = new ArrayList<>();
            Listener listener = (level, message) -> {
                if (message.startsWith("Analyzing ")) {
                    summary.set(message);
                }
                if (level == Listener.Level.WARN) {
                    warnings.add(message);
                }
            };
            long start = System.nanoTime();
            Analysis a = MigrationAgent.analyze(request, listener);
            t[i] = (System.nanoTime() - start) / 1e9;
            if (i == 0) {
                System.out.println(summary.get() + "; " + a.activeFindings().size() + " active finding(s)");
                warnings.forEach(w -> System.out.println("WARN " + w));
                if (mode.equals("embedded") && !summary.get().endsWith("1 traced")) {
                    throw new IllegalStateException("the pending migration was not traced: " + summary.get());
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %.3f %.3f%n", t[0], t[1]);
        // zonky's shutdown hook stops the embedded server when the JVM exits
    }

    private static double median(List<double[]> rows, int col) {
        List<Double> v = new ArrayList<>();
        rows.forEach(r -> v.add(r[col]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    /**
     * A service's history: every tenth migration in a cycle of create table (with an index on the new table),
     * add columns, add a constraint, create a view, seed rows; one pending migration changes existing tables.
     */
    static void writeProject(Path project) throws IOException {
        Path migrations = project.resolve("src/main/resources/db/migration");
        if (Files.isDirectory(migrations)) {
            try (var s = Files.list(migrations)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(migrations);
        // For timing a real build: mvn verify runs the plugin's check goal (see docs/benchmarks.md).
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.migrationagent.bench</groupId>
                  <artifactId>check-time-sample</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.migrationagent</groupId>
                        <artifactId>migration-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <baselineVersion>%d</baselineVersion>
                          <!-- the pending migration is unsafe on purpose; the build should still time the check -->
                          <failOnError>false</failOnError>
                        </configuration>
                        <executions>
                          <execution>
                            <goals><goal>check</goal></goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("plugin.version", "0.1.0-SNAPSHOT"), APPLIED));
        int tables = 0;
        for (int v = 1; v <= APPLIED; v++) {
            StringBuilder sql = new StringBuilder();
            String name;
            int kind = tables < 2 ? 0 : v % 8;
            switch (kind) {
                case 0, 1, 4 -> {
                    tables++;
                    String t = "t" + tables;
                    name = "create_" + t;
                    sql.append("CREATE TABLE ").append(t).append(" (\n")
                            .append("    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
                            .append("    name text NOT NULL,\n")
                            .append("    amount numeric(12,2) NOT NULL DEFAULT 0,\n");
                    if (tables > 1) {
                        sql.append("    parent_id bigint REFERENCES t").append(tables - 1).append(" (id),\n");
                    }
                    sql.append("    created_at timestamptz NOT NULL DEFAULT now()\n);\n");
                    sql.append("CREATE INDEX ").append(t).append("_created_idx ON ").append(t)
                            .append(" (created_at);\n");
                    if (tables > 1) {
                        sql.append("CREATE INDEX ").append(t).append("_parent_idx ON ").append(t)
                                .append(" (parent_id);\n");
                    }
                }
                case 2 -> {
                    String t = "t" + tables;
                    name = "add_columns_" + t;
                    sql.append("ALTER TABLE ").append(t).append(" ADD COLUMN note_").append(v).append(" text;\n");
                    sql.append("ALTER TABLE ").append(t).append(" ADD COLUMN flag_").append(v)
                            .append(" boolean NOT NULL DEFAULT false;\n");
                }
                case 3 -> {
                    String t = "t" + tables;
                    name = "constraints_" + t;
                    sql.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT ").append(t)
                            .append("_amount_ck CHECK (amount >= 0);\n");
                    sql.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT ").append(t)
                            .append("_name_uq UNIQUE (name);\n");
                }
                case 5 -> {
                    String t = "t" + tables;
                    name = "view_" + t;
                    sql.append("CREATE OR REPLACE VIEW ").append(t).append("_recent AS\n    SELECT id, name, amount, ")
                            .append("created_at FROM ").append(t).append("\n    WHERE created_at > now() - ")
                            .append("interval '30 days';\n");
                }
                case 6 -> {
                    String t = "t" + (tables - 1);
                    name = "seed_" + t;
                    sql.append("INSERT INTO ").append(t).append(" (name, amount) VALUES\n");
                    for (int r = 0; r < 20; r++) {
                        sql.append("    ('").append(t).append("-").append(v).append("-").append(r).append("', ")
                                .append(r * 3).append(".50)").append(r < 19 ? ",\n" : ";\n");
                    }
                }
                default -> {
                    String t = "t" + tables;
                    name = "comment_" + t;
                    sql.append("COMMENT ON TABLE ").append(t).append(" IS 'table ").append(t).append(", since V")
                            .append(v).append("';\n");
                    sql.append("ALTER TABLE ").append(t).append(" ALTER COLUMN amount SET DEFAULT 1;\n");
                }
            }
            Files.writeString(migrations.resolve("V" + v + "__" + name + ".sql"), sql.toString());
        }
        // The pending change: a column with a default, a foreign key added NOT VALID then validated, an index.
        String t = "t" + (tables / 2);
        Files.writeString(migrations.resolve("V" + (APPLIED + 1) + "__orders_status.sql"),
                "ALTER TABLE " + t + " ADD COLUMN status text NOT NULL DEFAULT 'new';\n"
                + "ALTER TABLE " + t + " ADD COLUMN owner_id bigint;\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_owner_fk FOREIGN KEY (owner_id) REFERENCES t1 (id)"
                + " NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_owner_fk;\n"
                + "CREATE INDEX " + t + "_status_idx ON " + t + " (status);\n");
    }
}
