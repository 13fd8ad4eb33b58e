package fr.ais.ingest.publish;

import fr.ais.ingest.InputFormatException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests the files dropped into a directory, one at a time in name order, then moves each one to {@code done/}, or
 * to {@code failed/} with a {@code <name>.reason.txt} saying why when the file itself is unusable (a wrong header,
 * a charset that does not decode it).
 *
 * <p>A file is taken once it is complete: hidden files and names ending {@code .part} or {@code .tmp} are ignored
 * (upload under such a name, then rename), and a file is taken only once its size and modification time have not
 * changed for {@link Settings#stableDelay()}. New files are noticed by a {@link WatchService}, by a scan at start
 * and by a periodic rescan (a safety net for file systems whose events are late or missing).
 *
 * <p>Any other failure (the cluster unreachable, an I/O error) is not the file's fault: the file stays where it is
 * and is tried again after {@link Settings#rescanInterval()}. Ingestion being exactly once per file content, a file
 * ingested but not yet moved when the service stopped is moved at the next start, publishing nothing again.
 */
public final class DropDirectoryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropDirectoryService.class);

    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String REASON_SUFFIX = ".reason.txt";

    /** Publishes one complete file; the service calls it from its own thread, one file at a time. */
    @FunctionalInterface
    public interface Ingester {
        IngestSummary ingest(Path file) throws IOException;
    }

    /** Told what happened to each file, from the service's thread. */
    public interface Listener {

        /** {@code file} was ingested and moved to {@code movedTo} (in {@code done/}). */
        default void ingested(Path file, IngestSummary summary, Path movedTo) {
        }

        /** {@code file} is unusable and was moved to {@code movedTo} (in {@code failed/}). */
        default void failed(Path file, Exception error, Path movedTo) {
        }

        /** {@code file} could not be ingested for a reason that is not its own: it stays and is tried again. */
        default void willRetry(Path file, Exception error) {
        }
    }

    /**
     * @param stableDelay    how long a file's size and modification time must stay the same before it is taken
     * @param rescanInterval how often the directory is scanned even without an event, and the wait before a file
     *                       that failed for a reason not its own is tried again
     * @param closeGrace     how long {@link #close()} lets the file in progress finish before interrupting it (an
     *                       interrupted file resumes at the next start)
     */
    public record Settings(Duration stableDelay, Duration rescanInterval, Duration closeGrace) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    private final Path dir;
    private final Path done;
    private final Path failed;
    private final Ingester ingester;
    private final Listener listener;
    private final Settings settings;
    private final WatchService watcher;
    private final Thread worker;
    /** What each candidate file looked like when it was last seen changing. */
    private final Map<Path, Observation> observations = new HashMap<>();
    private volatile boolean closed;

    private record Observation(long size, long modified, long sinceNanos) {
    }

    private DropDirectoryService(Path dir, Ingester ingester, Listener listener, Settings settings) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.done = this.dir.resolve(DONE);
        this.failed = this.dir.resolve(FAILED);
        this.ingester = Objects.requireNonNull(ingester, "ingester");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!Files.isDirectory(this.dir)) {
            throw new IOException("not a directory: " + dir);
        }
        Files.createDirectories(done);
        Files.createDirectories(failed);
        this.watcher = this.dir.getFileSystem().newWatchService();
        this.dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.worker = new Thread(this::run, "drop-directory " + this.dir.getFileName());
    }

    /** Starts watching {@code dir} (creating its {@code done/} and {@code failed/}), first ingesting what it holds. */
    public static DropDirectoryService start(Path dir, Ingester ingester, Listener listener, Settings settings)
            throws IOException {
        DropDirectoryService service = new DropDirectoryService(dir, ingester, listener, settings);
        service.worker.start();
        return service;
    }

    public Path directory() {
        return dir;
    }

    /** Waits until the service is closed (by another thread, e.g. a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        worker.join();
    }

    /** Stops watching once the file in progress is done (or after {@link Settings#closeGrace()}, interrupting it). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.warn("cannot close the watch service of {}", dir, e);
        }
        if (Thread.currentThread() == worker) {
            return;
        }
        worker.join(settings.closeGrace().toMillis());
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join();
        }
    }

    private void run() {
        long retryNotBefore = System.nanoTime();
        while (!closed) {
            boolean waiting = false;
            if (System.nanoTime() - retryNotBefore >= 0) {
                try {
                    ScanResult result = scanAndIngest();
                    waiting = result.waiting;
                    if (result.retryLater) {
                        retryNotBefore = System.nanoTime() + settings.rescanInterval().toNanos();
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("cannot scan {}; trying again in {}", dir, settings.rescanInterval(), e);
                    retryNotBefore = System.nanoTime() + settings.rescanInterval().toNanos();
                }
            }
            if (closed) {
                break;
            }
            // wake on an event, when an unsettled file may have settled, or for the periodic rescan
            long timeout = waiting ? settings.stableDelay().toNanos() : settings.rescanInterval().toNanos();
            long untilRetry = retryNotBefore - System.nanoTime();
            if (untilRetry > 0) {
                timeout = Math.max(timeout, untilRetry);
            }
            try {
                WatchKey key = watcher.poll(Math.max(1, timeout), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                break;
            }
        }
    }

    private record ScanResult(boolean waiting, boolean retryLater) {
    }

    /**
     * Ingests every complete file, in name order, scanning again after each one (a file with a smaller name may have
     * arrived meanwhile).
     */
    private ScanResult scanAndIngest() throws IOException {
        while (!closed) {
            List<Path> candidates = candidates();
            observations.keySet().retainAll(candidates);
            Path ready = null;
            boolean waiting = false;
            for (Path file : candidates) {
                if (isComplete(file)) {
                    ready = file;
                    break;
                }
                waiting = true;
            }
            if (ready == null) {
                return new ScanResult(waiting, false);
            }
            observations.remove(ready);
            if (!process(ready)) {
                return new ScanResult(waiting, true);
            }
        }
        return new ScanResult(false, false);
    }

    /** The regular, visible, non-temporary files of the directory, in name order. */
    private List<Path> candidates() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || lower.endsWith(".part") || lower.endsWith(".tmp")
                        || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.isHidden(entry)) {
                    continue;
                }
                files.add(entry);
            }
        }
        files.sort(null);
        return files;
    }

    /** Whether {@code file} has kept its size and modification time for the stable delay. */
    private boolean isComplete(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            observations.remove(file); // gone meanwhile
            return false;
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        long now = System.nanoTime();
        Observation seen = observations.get(file);
        if (seen == null || seen.size != size || seen.modified != modified) {
            observations.put(file, new Observation(size, modified, now));
            return settings.stableDelay().isZero();
        }
        return now - seen.sinceNanos >= settings.stableDelay().toNanos();
    }

    /** Ingests and moves one file; false when it failed for a reason not its own and stays. */
    private boolean process(Path file) throws IOException {
        IngestSummary summary;
        try {
            LOG.info("ingesting {}", file);
            summary = ingester.ingest(file);
        } catch (InputFormatException | CharacterCodingException e) {
            Path movedTo = moveToFailed(file, e);
            LOG.warn("{} is unusable, moved to {}: {}", file.getFileName(), movedTo, e.getMessage());
            listener.failed(file, e, movedTo);
            return true;
        } catch (IOException | RuntimeException e) {
            if (closed) {
                LOG.info("{} interrupted by the service's stop; it resumes at the next start", file.getFileName());
                return false;
            }
            LOG.warn("cannot ingest {} now, trying again in {}", file.getFileName(), settings.rescanInterval(), e);
            listener.willRetry(file, e);
            return false;
        }
        Path movedTo = move(file, done);
        listener.ingested(file, summary, movedTo);
        return true;
    }

    private Path moveToFailed(Path file, Exception error) throws IOException {
        Path target = freeName(failed, file.getFileName().toString());
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        Files.writeString(failed.resolve(target.getFileName() + REASON_SUFFIX), message + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return moveTo(file, target);
    }

    private Path move(Path file, Path into) throws IOException {
        return moveTo(file, freeName(into, file.getFileName().toString()));
    }

    private static Path moveTo(Path file, Path target) throws IOException {
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file, target);
        }
    }

    /** {@code into/name}, or {@code into/stem.N.ext} when a file of that name is already there. */
    private static Path freeName(Path into, String name) {
        Path target = into.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = into.resolve(stem + "." + n + extension);
        }
        return target;
    }
}
