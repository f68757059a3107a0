package dev.migrationagent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -cp benchmarks.jar dev.migrationagent.bench.GenerateMigration <statements|NMB> <out> [seed]}: writes
 * a generated migration, by statement count ({@code 100000}) or by size ({@code 10MB}, MiB actually).
 */
public final class GenerateMigration {
    private GenerateMigration() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateMigration <statements|<N>MB> <out.sql> [seed]");
            System.exit(2);
        }
        String amount = args[0].trim().toUpperCase(Locale.ROOT);
        Path out = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : MigrationGenerator.DEFAULT_SEED;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (amount.endsWith("MB")) {
            long bytes = Long.parseLong(amount.substring(0, amount.length() - 2)) * 1024 * 1024;
            int statements = MigrationGenerator.writeBytes(out, bytes, seed);
            System.out.printf("%s: %d statements, %d bytes%n", out, statements, Files.size(out));
        } else {
            MigrationGenerator.writeStatements(out, Integer.parseInt(amount), seed);
            System.out.printf("%s: %s statements, %d bytes%n", out, amount, Files.size(out));
        }
    }
}
