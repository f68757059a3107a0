package dev.migrationagent.script;

import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Decides which migrations are under review; the others are replayed into the schema model. */
public final class ReviewSelector {
    private static final List<String> DEFAULT_BASES = List.of("origin/main", "origin/master", "main", "master");

    private ReviewSelector() {}

    /**
     * The scripts under review, a subset of {@code scripts} in the same order.
     *
     * @throws InvalidConfigurationException for an unknown baseline version or an unusable git ref
     */
    public static List<MigrationScript> select(List<MigrationScript> scripts, ReviewScope scope, Path baseDir,
            Listener listener) {
        if (scope instanceof ReviewScope.All) {
            return scripts;
        }
        if (scope instanceof ReviewScope.AfterVersion after) {
            Version baseline = Version.parse(after.version().trim());
            if (baseline == null) {
                throw new InvalidConfigurationException("baselineVersion", after.version(),
                        "not a Flyway version (digits separated by dots, e.g. 42 or 1.2)");
            }
            return scripts.stream().filter(s -> s.version() != null && s.version().compareTo(baseline) > 0).toList();
        }
        if (scope instanceof ReviewScope.ChangedSince changed) {
            Set<String> files = changedFiles(baseDir, changed.gitRef(), "gitBase");
            return scripts.stream().filter(s -> s.file() != null && files.contains(canonical(s.file()))).toList();
        }
        // Auto: what a pull request changes, when we can tell; otherwise the newest migration.
        for (String base : DEFAULT_BASES) {
            if (git(baseDir, "rev-parse", "--verify", "--quiet", base + "^{commit}") != null) {
                Set<String> files = changedFiles(baseDir, base, "gitBase");
                listener.on(Listener.Level.INFO, "Reviewing migrations added or changed since " + base
                        + " (set migration.gitBase or migration.baselineVersion to choose)");
                return scripts.stream().filter(s -> s.file() != null && files.contains(canonical(s.file())))
                        .toList();
            }
        }
        List<MigrationScript> versioned = scripts.stream().filter(s -> !s.repeatable()).toList();
        if (versioned.isEmpty()) {
            return List.of();
        }
        MigrationScript newest = versioned.get(versioned.size() - 1);
        listener.on(Listener.Level.INFO, "No git base found: reviewing the newest migration " + newest.path()
                + " (set migration.gitBase or migration.baselineVersion to choose)");
        return List.of(newest);
    }

    private static Set<String> changedFiles(Path baseDir, String ref, String parameter) {
        String top = git(baseDir, "rev-parse", "--show-toplevel");
        if (top == null) {
            throw new InvalidConfigurationException(parameter, ref, baseDir + " is not inside a git checkout");
        }
        if (git(baseDir, "rev-parse", "--verify", "--quiet", ref + "^{commit}") == null) {
            throw new InvalidConfigurationException(parameter, ref, "git does not know this ref (fetch it first, "
                    + "e.g. git fetch origin main)");
        }
        Set<String> out = new HashSet<>();
        Path root = Path.of(top.trim());
        String committed = git(baseDir, "diff", "--name-only", "--diff-filter=AMR", ref + "...HEAD");
        String pending = git(baseDir, "status", "--porcelain", "--untracked-files=all");
        for (String line : (committed == null ? "" : committed).split("\n")) {
            if (!line.isBlank()) {
                out.add(canonical(root.resolve(line.trim())));
            }
        }
        for (String line : (pending == null ? "" : pending).split("\n")) {
            if (line.length() > 3 && !line.startsWith(" D") && !line.startsWith("D ")) {
                String p = line.substring(3).trim();
                int arrow = p.indexOf(" -> ");
                out.add(canonical(root.resolve(arrow >= 0 ? p.substring(arrow + 4) : p)));
            }
        }
        return out;
    }

    private static String canonical(Path p) {
        try {
            return p.toFile().getCanonicalPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().toString();
        }
    }

    /** Runs git in {@code dir}; returns its output, or {@code null} when git fails or is missing. */
    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
