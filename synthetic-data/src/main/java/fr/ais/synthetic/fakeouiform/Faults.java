package fr.ais.synthetic.fakeouiform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the fake OuiForm API injects, armed up front or at runtime (thread-safe).
 *
 * <p>Each armed fault fires on the next requests until its count is used up. When several are armed, a request
 * meets them in this order: slow response or delay (every request while set), dropped connection, 429, 5xx, then a
 * page served again. The token check comes
 * after a dropped connection and before 429/5xx, so an unauthenticated request never consumes a 429/5xx.
 */
public final class Faults {

    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger rateLimits = new AtomicInteger();
    private final AtomicReference<Duration> retryAfter = new AtomicReference<>(Duration.ofSeconds(1));
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger serverErrorStatus = new AtomicInteger(503);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger slowResponses = new AtomicInteger();
    private final AtomicReference<Duration> slowDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger repeats = new AtomicInteger();

    private final AtomicInteger firedDrops = new AtomicInteger();
    private final AtomicInteger firedRateLimits = new AtomicInteger();
    private final AtomicInteger firedServerErrors = new AtomicInteger();
    private final AtomicInteger delayedRequests = new AtomicInteger();
    private final AtomicInteger firedSlowResponses = new AtomicInteger();
    private final AtomicInteger firedRepeats = new AtomicInteger();

    /** No fault armed. */
    public static Faults none() {
        return new Faults();
    }

    /** The next {@code times} requests answer 429 with {@code Retry-After} in whole seconds (rounded up). */
    public Faults rateLimit(int times, Duration retryAfterDelay) {
        requireNonNegative(times);
        retryAfter.set(retryAfterDelay);
        rateLimits.set(times);
        return this;
    }

    /** The next {@code times} requests answer {@code status} (a 5xx, e.g. 500 or 503). */
    public Faults serverErrors(int times, int status) {
        requireNonNegative(times);
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server error status must be 5xx, was " + status);
        }
        serverErrorStatus.set(status);
        serverErrors.set(times);
        return this;
    }

    /**
     * The next {@code times} requests have their connection closed without any response. The JDK
     * {@code HttpClient} silently retries a GET once on such a close: arm 2 for it to see the failure.
     */
    public Faults dropConnections(int times) {
        requireNonNegative(times);
        drops.set(times);
        return this;
    }

    /** Every request waits this long before being answered, until reset to {@link Duration#ZERO}. */
    public Faults delay(Duration responseDelay) {
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        delay.set(responseDelay);
        return this;
    }

    /**
     * The next {@code times} requests wait {@code responseDelay} before being answered: longer than the client's
     * request timeout, they time out.
     */
    public Faults slowResponses(int times, Duration responseDelay) {
        requireNonNegative(times);
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        slowDelay.set(responseDelay);
        slowResponses.set(times);
        return this;
    }

    /**
     * The next {@code times} pages answered are the page answered last, served again byte for byte (same items,
     * same {@code nextCursor}), whatever was asked: a server (or a cache in front of it) that serves a page twice.
     */
    public Faults repeatPages(int times) {
        requireNonNegative(times);
        repeats.set(times);
        return this;
    }

    /** Disarms every fault (counters of fired faults are kept). */
    public Faults clear() {
        slowResponses.set(0);
        repeats.set(0);
        drops.set(0);
        rateLimits.set(0);
        serverErrors.set(0);
        delay.set(Duration.ZERO);
        return this;
    }

    public int firedDrops() {
        return firedDrops.get();
    }

    public int firedRateLimits() {
        return firedRateLimits.get();
    }

    public int firedServerErrors() {
        return firedServerErrors.get();
    }

    public int delayedRequests() {
        return delayedRequests.get();
    }

    public int firedSlowResponses() {
        return firedSlowResponses.get();
    }

    public int firedRepeats() {
        return firedRepeats.get();
    }

    Duration takeDelay() {
        if (take(slowResponses, firedSlowResponses)) {
            return slowDelay.get();
        }
        Duration d = delay.get();
        if (!d.isZero()) {
            delayedRequests.incrementAndGet();
        }
        return d;
    }

    boolean takeRepeat() {
        return take(repeats, firedRepeats);
    }

    boolean takeDrop() {
        return take(drops, firedDrops);
    }

    /** @return the Retry-After seconds when a 429 fires, else -1 */
    long takeRateLimit() {
        if (!take(rateLimits, firedRateLimits)) {
            return -1;
        }
        Duration d = retryAfter.get();
        return Math.max(0, (d.toMillis() + 999) / 1000);
    }

    /** @return the status when a 5xx fires, else -1 */
    int takeServerError() {
        return take(serverErrors, firedServerErrors) ? serverErrorStatus.get() : -1;
    }

    private static boolean take(AtomicInteger remaining, AtomicInteger fired) {
        int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        if (left > 0) {
            fired.incrementAndGet();
            return true;
        }
        return false;
    }

    private static void requireNonNegative(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
    }
}
