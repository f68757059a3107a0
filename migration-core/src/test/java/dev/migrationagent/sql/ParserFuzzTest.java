package dev.migrationagent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Listener;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated and truncated SQL must never make the parser throw, loop or report an internal error: every failure is a
 * positioned parse error inside the input. Runs {@code fuzz.cases} cases (5,000 by default; 200,000 with
 * {@code mvn -Pfuzz test -pl migration-core -Dtest=ParserFuzzTest}).
 */
class ParserFuzzTest {
    private static final String ALPHABET = "'\"$;(),-/*\n \\{}[]:=.aZ_0é€";

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void mutatedSqlGivesOnlyPositionedParseErrors() throws IOException {
        int cases = Integer.getInteger("fuzz.cases", 5000);
        List<String> seeds = seeds();
        Random random = new Random(20261124L);
        int errors = 0;
        for (int i = 0; i < cases; i++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            errors += check(input, i);
            if (i % 10 == 0) {
                analyze(input, i);
            }
        }
        // The mutations must actually produce broken SQL, or the test proves nothing.
        assertThat(errors).as("cases with at least one parse error").isGreaterThan(cases / 10);
    }

    private static int check(String input, int caseNo) {
        PostgresParser.Script script;
        try {
            script = PostgresParser.parse(input);
        } catch (RuntimeException e) {
            throw new AssertionError("case " + caseNo + " threw " + e + " on input:\n" + input, e);
        }
        int invalid = 0;
        long lines = input.chars().filter(c -> c == '\n').count() + 1;
        for (ParsedStatement p : script.statements()) {
            if (p.statement() instanceof Statement.Invalid inv) {
                invalid = 1;
                assertThat(inv.internal()).as("internal parser error in case %d: %s\n%s", caseNo, inv.message(), input)
                        .isFalse();
                assertThat(inv.line()).as("error line in case %d", caseNo).isBetween(1, (int) lines);
                assertThat(inv.column()).as("error column in case %d", caseNo).isPositive();
            }
        }
        return invalid;
    }

    private static void analyze(String input, int caseNo) {
        MigrationScript m = new MigrationScript(null, "fuzz.sql", null, "fuzz", input, true);
        try {
            Analyzer.analyze(List.of(m), List.of(m), new Analyzer.Settings(16, TableStats.none(), 10_000, List.of()),
                    Listener.silent());
        } catch (dev.migrationagent.api.InvalidInputException expected) {
            // A mangled suppression comment is reported to the user as input error; that is the contract.
        } catch (RuntimeException e) {
            fail("analysis of case " + caseNo + " threw " + e + " on input:\n" + input, e);
        }
    }

    private static String mutate(String seed, Random r) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(6)) {
                case 0 -> s.setLength(at);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(8)));
                case 2 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(20));
                    s.insert(r.nextInt(s.length()), s.substring(at, end));
                }
                case 4 -> s.replace(at, Math.min(s.length(), at + 1), String.valueOf(ALPHABET.charAt(
                        r.nextInt(ALPHABET.length()))));
                default -> s.insert(at, " ; ");
            }
        }
        return s.toString();
    }

    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>(Files.readString(Path.of("src/test/resources/fuzz/seeds.sql")).lines()
                .filter(l -> !l.isBlank()).toList());
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/rules"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".sql")).toList()) {
                seeds.add(Files.readString(p));
            }
        }
        return seeds;
    }
}
