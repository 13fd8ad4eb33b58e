package fr.ais.ingest.ouiform.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OuiFormApiClient} talks to the API: timeouts and retries.
 *
 * <p>Server errors (5xx), I/O errors and timeouts are retried with exponential backoff and full jitter: before
 * attempt {@code n + 1} the client waits a random duration between 0 and {@code min(maxDelay, baseDelay × 2^(n-1))}.
 * A 429 waits its {@code Retry-After} instead, capped at {@code maxRetryAfter}. Every attempt counts, 429s
 * included, against {@code maxAttempts}.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for the whole answer of one request
 * @param baseDelay      backoff of the first retry (before jitter)
 * @param maxDelay       greatest backoff (before jitter)
 * @param maxAttempts    attempts of one page, the first included (at least 1)
 * @param maxRetryAfter  greatest wait honoured for a 429's {@code Retry-After}
 */
public record ApiClientSettings(Duration connectTimeout, Duration requestTimeout, Duration baseDelay,
        Duration maxDelay, int maxAttempts, Duration maxRetryAfter) {

    public ApiClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 5 s to connect, 30 s per request, backoff from 500 ms to 30 s, 6 attempts, Retry-After up to 60 s. */
    public static ApiClientSettings defaults() {
        return new ApiClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(30), 6, Duration.ofSeconds(60));
    }

    public ApiClientSettings withRequestTimeout(Duration timeout) {
        return new ApiClientSettings(connectTimeout, timeout, baseDelay, maxDelay, maxAttempts, maxRetryAfter);
    }

    public ApiClientSettings withMaxAttempts(int attempts) {
        return new ApiClientSettings(connectTimeout, requestTimeout, baseDelay, maxDelay, attempts, maxRetryAfter);
    }

    public ApiClientSettings withBackoff(Duration base, Duration max) {
        return new ApiClientSettings(connectTimeout, requestTimeout, base, max, maxAttempts, maxRetryAfter);
    }

    public ApiClientSettings withMaxRetryAfter(Duration max) {
        return new ApiClientSettings(connectTimeout, requestTimeout, baseDelay, maxDelay, maxAttempts, max);
    }
}
