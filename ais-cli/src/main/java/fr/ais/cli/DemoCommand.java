package fr.ais.cli;

import fr.ais.cli.pipeline.LocalRun;
import fr.ais.consolidation.export.Exports;
import fr.ais.consolidation.progress.ProgressCalculator;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.Ports;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.ingest.PseudonymKey;
import fr.ais.schemas.Network;
import fr.ais.schemas.Progress;
import fr.ais.settings.Flags;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole story on the embedded stack: generate a sample year, load the targets, run the three"
                + " connectors and the consolidation, write the exports, print the headline figures, then leave the"
                + " dashboard, REST API and metrics running until Ctrl-C (--once: exit after the figures).")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "2000", description = "People in the sample year (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample year (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = ".ais/demo",
            description = "Where the demo keeps the sample files and the exports (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--once", description = "Print the headline figures and exit, for scripts.")
    boolean once;

    @Option(names = "--port", defaultValue = "8088",
            description = "Port of the dashboard, REST API and metrics (0: a free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (!once) {
            requireFreePort(port);
        }
        int year = 2021;
        LocalDate asOf = LocalDate.of(year, 12, 31);
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir.resolve("data"))
                .withPeople(people).withSeed(seed).withYear(year));
        System.out.println("sample      " + data.totalRecords() + " source records for " + people + " people in "
                + dir.resolve("data"));
        Path exports = dir.resolve("exports");
        // the sample year is closed: alerts are checked every 30 s (after the first load has settled) so the demo shows them soon
        ProgressSettings progress = new ProgressSettings(ProgressSettings.defaults().calculator(), () -> asOf,
                Duration.ofSeconds(30));
        try (LocalRun run = LocalRun.temporary(System.out)) {
            System.out.println("stack       Kafka " + run.stack().bootstrapServers() + ", registry "
                    + run.stack().registryUrl());
            LocalRun.Result result = run.run(new LocalRun.Inputs(data.peFile(), data.imiloFile(), data.ouiformFile(),
                    data.targetsFile(), StandardCharsets.UTF_8), PseudonymKey.ephemeral(), progress, exports,
                    once ? null : new ServingConfig("127.0.0.1", port, null), AisCommand.settings(spec, Flags.none()));
            printHeadlines(result, exports, asOf, progress.calculator());
            if (!once) {
                System.out.println();
                ConsolidateCommand.printUrls(result.servedAt());
                System.out.println("Ctrl-C stops the demo and removes its stack.");
                CountDownLatch interrupted = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    interrupted.countDown();
                    run.close();
                }, "ais-demo-shutdown"));
                interrupted.await();
            }
        }
        return 0;
    }

    /** Fails before any work when the dashboard could not listen at the end. */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try {
            Ports.freePort(java.net.InetAddress.getLoopbackAddress(), port);
        } catch (java.io.IOException e) {
            throw new UserException("port " + port + " is taken: give another with --port (0: any free port),"
                    + " or --once to print the figures without serving them");
        }
    }

    private static void printHeadlines(LocalRun.Result result, Path exports, LocalDate asOf,
            ProgressCalculator calculator) {
        Exports.Snapshot s = result.snapshot();
        System.out.println();
        System.out.printf("%d source records: %d accepted, %d rejected -> %d consolidated prescriptions%n",
                result.read(), result.accepted(), result.rejected(), result.consolidated());
        Map<Network, Long> byNetwork = new EnumMap<>(Network.class);
        s.aggregates().forEach((k, n) -> byNetwork.merge(k.getNetwork(), n, Long::sum));
        System.out.println("by network: " + byNetwork);
        long notFilled = s.quality().values().stream().mapToLong(q -> q.getPePrescriberNotFilled()).sum();
        long inferred = s.quality().values().stream().mapToLong(q -> q.getAttributionInferred()).sum();
        long conflict = s.quality().values().stream().mapToLong(q -> q.getAttributionConflict()).sum();
        System.out.printf("PE prescriber not filled in: %d (network inferred for %d), conflicting attributions: %d%n",
                notFilled, inferred, conflict);
        System.out.println();
        System.out.println("Progress at " + asOf + " (region: GLOBAL / PE / ML status):");
        // the rows of progress.csv, from the one computation of progress, not read back from the file
        Map<String, List<String>> latest = new java.util.TreeMap<>();
        List<Progress> rows = new ArrayList<>(calculator.rowsOf(s.aggregates(), s.targets(), asOf));
        rows.sort(Comparator.comparing(Progress::getRegion).thenComparing(p -> p.getObjective().name()));
        for (Progress p : rows) {
            if (p.getYear() == asOf.getYear() && p.getMonth() == asOf.getMonthValue()) {
                latest.computeIfAbsent(p.getRegion(), r -> new ArrayList<>()).add(p.getObjective() + " " + p.getStatus()
                        + " (" + p.getActualCumulative() + "/" + Exports.decimal(p.getTargetCumulative(), 2) + ")");
            }
        }
        latest.forEach((region, statuses) -> System.out.println("  " + region + ": " + String.join(", ", statuses)));
        System.out.println();
        System.out.println("Exports written to " + exports.toAbsolutePath());
    }
}
