package fr.ais.benchmarks;

import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.RecordReader;
import fr.ais.ingest.SourceFormat;
import fr.ais.ingest.imilo.ImiloFormat;
import fr.ais.ingest.ouiform.OuiFormFormat;
import fr.ais.ingest.pe.PeFormat;
import fr.ais.schemas.IdentifierType;
import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Read throughput of the three source formats (parse, check, pseudonymise, build the event; no Kafka), one
 * thread, on exports of the synthetic-data generator (1 % bad records), and the cost of one pseudonym alone.
 *
 * <p>Run: {@code ./mvnw -o -q -pl benchmarks -am package -DskipTests} then
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" fr.ais.benchmarks.SourceFormatsBenchmark [people] [rounds]}
 * (cp.txt from {@code ./mvnw -o -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class SourceFormatsBenchmark {

    public static void main(String[] args) throws IOException {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("ais-formats-bench");
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(dir).withPeople(people));
        Pseudonymizer pseudonymizer = new Pseudonymizer("benchmark-key-0123456789".getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "%d people: pe %d, imilo %d, ouiform %d records (%s)%n", people,
                data.pe().records(), data.imilo().records(), data.ouiform().records(), dir);
        for (int round = 1; round <= rounds; round++) {
            run(round, new PeFormat(), data.peFile(), pseudonymizer);
            run(round, new ImiloFormat(), data.imiloFile(), pseudonymizer);
            run(round, new OuiFormFormat(), data.ouiformFile(), pseudonymizer);
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            pseudonymizer.pseudonymise(IdentifierType.DE, "1234567A");
        }
        System.out.printf(Locale.ROOT, "pseudonymise alone: %.2f µs each%n", (System.nanoTime() - start) / 1e3 / n);
    }

    private static void run(int round, SourceFormat format, Path file, Pseudonymizer pseudonymizer) throws IOException {
        ReadContext context = new ReadContext(file.getFileName().toString(), StandardCharsets.UTF_8, pseudonymizer);
        long start = System.nanoTime();
        long accepted = 0;
        long rejected = 0;
        try (InputStream in = Files.newInputStream(file); RecordReader reader = format.open(in, context)) {
            ParsedRecord record;
            while ((record = reader.next()) != null) {
                if (record instanceof ParsedRecord.Accepted) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %-15s %8d accepted %6d rejected %7.0f records/s%n", round,
                format.connectorName(), accepted, rejected, (accepted + rejected) / seconds);
    }
}
