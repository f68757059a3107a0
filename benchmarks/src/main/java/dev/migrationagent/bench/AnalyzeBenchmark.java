package dev.migrationagent.bench;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end analysis through the public facade (read, split, parse, rules, verdict), on generated files. The
 * fork gets the same 512 MiB heap the CLI goal allows, so an allocation-heavy change shows up here first.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AnalyzeBenchmark {
    static final int STATEMENTS = 100_000;
    static final long TEN_MIB = 10L * 1024 * 1024;

    /** A generated file on disk and the request that analyzes it. */
    @State(Scope.Benchmark)
    public static class GeneratedFile {
        Path dir;
        AnalysisRequest request;

        void create(boolean bySize) throws IOException {
            dir = Files.createTempDirectory("migration-agent-bench");
            Path file = dir.resolve("V1__generated.sql");
            if (bySize) {
                MigrationGenerator.writeBytes(file, TEN_MIB, MigrationGenerator.DEFAULT_SEED);
            } else {
                MigrationGenerator.writeStatements(file, STATEMENTS, MigrationGenerator.DEFAULT_SEED);
            }
            request = AnalysisRequest.builder(dir).file(file).scope(new ReviewScope.All()).build();
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The 100,000-statement file. */
    public static class HundredThousandStatements extends GeneratedFile {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            create(false);
        }
    }

    /** A file of at least 10 MiB. */
    public static class TenMegabytes extends GeneratedFile {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            create(true);
        }
    }

    /** Statements per second for parse + rules: one operation is one statement. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(STATEMENTS)
    public Analysis statementsPerSecond(HundredThousandStatements file) {
        return MigrationAgent.analyze(file.request, Listener.silent());
    }

    /** Milliseconds to analyze a 10 MiB file. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Analysis tenMegabyteFile(TenMegabytes file) {
        return MigrationAgent.analyze(file.request, Listener.silent());
    }
}
