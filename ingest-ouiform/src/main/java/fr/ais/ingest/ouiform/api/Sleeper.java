package fr.ais.ingest.ouiform.api;

import java.time.Duration;

/** Waits between two attempts; tests give one that records the durations instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, on the calling thread. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
