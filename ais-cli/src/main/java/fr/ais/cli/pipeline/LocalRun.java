package fr.ais.cli.pipeline;

import fr.ais.consolidation.app.ConsolidationApp;
import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.publish.IngestSettings;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.localstack.LocalStack;
import fr.ais.schemas.Source;
import fr.ais.settings.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One whole run of the pipeline on a fresh embedded stack: the three connectors, the targets, the
 * consolidation until it has caught up, and the exports. Used by {@code ais replay} (in a temporary
 * directory, removed after) and {@code ais demo}.
 */
public final class LocalRun implements AutoCloseable {

    /**
     * The inputs of a run.
     *
     * @param files    the export of each source given (no entry for a source left out)
     * @param targets  the targets file, or null
     * @param charsets the charset of a source's export when not UTF-8 (a legacy PE export)
     */
    public record Inputs(Map<Source, Path> files, Path targets, Map<Source, Charset> charsets) {

        public Inputs {
            files = Map.copyOf(files);
            charsets = Map.copyOf(charsets);
        }

        /** The three sources' files as the commands take them, any of them null. */
        public Inputs(Path pe, Path imilo, Path ouiform, Path targets, Charset peCharset) {
            this(given(pe, imilo, ouiform), targets,
                    peCharset == null ? Map.of() : Map.of(Source.PE, peCharset));
        }

        private static Map<Source, Path> given(Path pe, Path imilo, Path ouiform) {
            Map<Source, Path> files = new EnumMap<>(Source.class);
            if (pe != null) {
                files.put(Source.PE, pe);
            }
            if (imilo != null) {
                files.put(Source.IMILO, imilo);
            }
            if (ouiform != null) {
                files.put(Source.OUIFORM, ouiform);
            }
            return files;
        }

        /** The files in the order of their sources. */
        Map<Source, Path> sources() {
            return new EnumMap<>(files);
        }

        Charset charsetOf(Source source) {
            return charsets.getOrDefault(source, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * What a run did.
     *
     * @param servedAt the URL of the REST API and dashboard when the run left them running, else null
     */
    public record Result(List<IngestSummary> ingested, long consolidated, Exports.Snapshot snapshot, double seconds,
            String servedAt) {
        public long read() {
            return ingested.stream().mapToLong(IngestSummary::read).sum();
        }

        public long accepted() {
            return ingested.stream().mapToLong(IngestSummary::accepted).sum();
        }

        public long rejected() {
            return ingested.stream().mapToLong(IngestSummary::rejected).sum();
        }
    }

    private final Path workDir;
    private final boolean deleteOnClose;
    private final LocalStack stack;
    private final Connection connection;
    private final PrintStream out;
    private Pipeline.Served served;
    private boolean closed;

    private LocalRun(Path workDir, boolean deleteOnClose, PrintStream out) {
        this.workDir = workDir;
        this.deleteOnClose = deleteOnClose;
        this.out = out;
        this.stack = LocalStack.start(LocalStack.Config.onFreePorts(workDir.resolve("stack")));
        this.connection = Connection.local(stack.bootstrapServers(), stack.registryUrl());
    }

    /** A run in a new temporary directory, deleted on close. */
    public static LocalRun temporary(PrintStream out) throws IOException {
        return new LocalRun(Files.createTempDirectory("ais-run-"), true, out);
    }

    /** A run in {@code dir}, kept after close. */
    public static LocalRun in(Path dir, PrintStream out) throws IOException {
        return new LocalRun(Files.createDirectories(dir), false, out);
    }

    public Connection connection() {
        return connection;
    }

    public LocalStack stack() {
        return stack;
    }

    /**
     * Runs everything and writes the exports into {@code exportDir}. With a serving config, the
     * consolidation keeps running with its REST API and dashboard until this run is closed.
     */
    public Result run(Inputs inputs, Pseudonymizer pseudonymizer, ProgressSettings progress, Path exportDir,
            ServingConfig serving) throws InterruptedException {
        return run(inputs, pseudonymizer, progress, exportDir, serving,
                Settings.defaults(IngestSettings.SETTINGS, StreamsAppConfig.SETTINGS));
    }

    /**
     * The same, the connectors publishing as {@code ingest} says. The three connectors run side by side (each
     * its own producer and transactional id, as on three machines): the consolidation reads their topics
     * whatever their interleaving, and a run is replayed from scratch anyway.
     */
    public Result run(Inputs inputs, Pseudonymizer pseudonymizer, ProgressSettings progress, Path exportDir,
            ServingConfig serving, Settings settings) throws InterruptedException {
        long started = System.nanoTime();
        connection.ensureTopics();
        Pipeline pipeline = new Pipeline(connection, true, IngestSettings.from(settings));
        if (inputs.targets() != null) {
            int loaded = pipeline.loadTargets(inputs.targets());
            out.println("targets     " + loaded + " loaded from " + inputs.targets().getFileName());
        }
        List<IngestSummary> ingested = ingestSideBySide(pipeline, inputs, pseudonymizer);
        ingested.forEach(summary -> out.println("ingest      " + summary.line()));
        long consolidating = System.nanoTime();
        StreamsAppConfig streams = StreamsAppConfig.forLocalRun(settings, "ais-run", connection.clientProperties(),
                workDir.resolve("streams"));
        if (serving == null) {
            try (ConsolidationApp app = pipeline.startConsolidation(streams, progress)) {
                pipeline.awaitCaughtUp(app, lag -> progress("consolidate", lag + " records to process"));
                endProgress();
            }
        } else {
            served = pipeline.startServed(streams, progress, serving);
            pipeline.awaitCaughtUp(served.app(), lag -> progress("consolidate", lag + " records to process"));
            endProgress();
        }
        double consolidationSeconds = (System.nanoTime() - consolidating) / 1e9;
        Exports.Snapshot snapshot = pipeline.export(exportDir, progress.asOf().get(), progress.calculator());
        long consolidated = snapshot.aggregates().values().stream().mapToLong(Long::longValue).sum();
        out.println("consolidate " + consolidated + " consolidated prescriptions, caught up in "
                + String.format(java.util.Locale.ROOT, "%.1f s", consolidationSeconds));
        out.println("export      aggregates.csv, progress.csv, quality.csv, rejected.csv in " + exportDir);
        return new Result(ingested, consolidated, snapshot, (System.nanoTime() - started) / 1e9,
                served == null ? null : served.serving().url());
    }

    /** Every source's connector in a thread of its own; the summaries in the order of the sources. */
    private List<IngestSummary> ingestSideBySide(Pipeline pipeline, Inputs inputs, Pseudonymizer pseudonymizer)
            throws InterruptedException {
        Map<Source, Long> done = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService connectors = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, inputs.files().size()));
        try {
            List<java.util.concurrent.Future<IngestSummary>> running = new ArrayList<>();
            inputs.sources().forEach((source, file) -> running.add(connectors.submit(() ->
                    pipeline.ingest(source, file, inputs.charsetOf(source), pseudonymizer, false, records -> {
                        done.put(source, records);
                        progress("ingest", done.values().stream().mapToLong(Long::longValue).sum() + " records");
                    }))));
            List<IngestSummary> summaries = new ArrayList<>();
            for (java.util.concurrent.Future<IngestSummary> connector : running) {
                try {
                    summaries.add(connector.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            endProgress();
            return summaries;
        } finally {
            connectors.shutdownNow();
        }
    }

    private boolean progressShown;

    /** A progress line rewritten in place on a terminal; nothing when output is not interactive. */
    private synchronized void progress(String stage, String what) {
        if (System.console() != null) {
            out.print("\r" + String.format("%-11s %-50s", stage, what));
            out.flush();
            progressShown = true;
        }
    }

    private synchronized void endProgress() {
        if (progressShown) {
            out.print("\r" + " ".repeat(62) + "\r");
            progressShown = false;
        }
    }

    /** Stops everything; safe to call twice (Ctrl-C during a demo, then the end of its block). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (served != null) {
            served.close();
        }
        stack.close();
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                out.println("could not remove " + workDir + ": " + e.getMessage());
            }
        }
    }
}
