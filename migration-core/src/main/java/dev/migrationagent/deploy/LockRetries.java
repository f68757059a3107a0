package dev.migrationagent.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock-timeout retry schedule, shaped like GitLab's {@code with_lock_retries} (lib/gitlab/database/
 * with_lock_retries.rb): short timeouts with short pauses first, then a medium timeout followed by a long pause so
 * long transactions can finish, repeated with larger timeouts. The timeouts are scaled so the first one is the
 * configured {@code lockTimeout} (GitLab's is 100 ms); the pauses are GitLab's. Unlike GitLab there is no final
 * attempt without a lock timeout: when the schedule or the budget runs out, the deploy stops.
 */
final class LockRetries {
    /** GitLab's DEFAULT_TIMING_CONFIGURATION: {lock_timeout in ms, sleep in ms} per attempt. */
    private static final long[][] GITLAB = {
        {100, 50}, {100, 50}, {200, 50}, {300, 100}, {400, 150}, {500, 2000}, {500, 2000}, {500, 2000}, {500, 2000},
        {1000, 5000}, {1000, 60_000}, {100, 50}, {100, 50}, {200, 50}, {300, 100}, {400, 150}, {500, 2000},
        {500, 2000}, {500, 2000}, {3000, 180_000}, {100, 50}, {100, 50}, {500, 2000}, {500, 2000}, {5000, 120_000},
        {500, 500}, {500, 500}, {7000, 300_000}, {500, 500}, {500, 500}, {7000, 300_000}, {500, 500}, {500, 500},
        {7000, 300_000}, {100, 50}, {100, 50}, {500, 2000}, {10_000, 600_000}, {100, 50}, {500, 2000},
        {10_000, 600_000}};

    /** One attempt: its lock timeout and the pause after it fails. */
    record Attempt(Duration lockTimeout, Duration sleep) {}

    private final List<Attempt> attempts;

    private LockRetries(List<Attempt> attempts) {
        this.attempts = List.copyOf(attempts);
    }

    /** GitLab's 41 attempts, lock timeouts scaled so the first is {@code first}. */
    static LockRetries scaledTo(Duration first) {
        List<Attempt> list = new ArrayList<>();
        for (long[] a : GITLAB) {
            // never 0 ms, which PostgreSQL reads as "no timeout"
            list.add(new Attempt(Duration.ofMillis(Math.max(1, first.toMillis() * a[0] / 100)),
                    Duration.ofMillis(a[1])));
        }
        return new LockRetries(list);
    }

    /** The attempt with this 0-based index, or {@code null} when the schedule is exhausted. */
    Attempt attempt(int index) {
        return index < attempts.size() ? attempts.get(index) : null;
    }

    /** Number of attempts. */
    int size() {
        return attempts.size();
    }
}
