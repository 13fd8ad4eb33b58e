package fr.ais.cli;

import fr.ais.synthetic.GeneratedDataSet;
import fr.ais.synthetic.Generator;
import fr.ais.synthetic.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic synthetic year: pe.csv, imilo.jsonl, ouiform.jsonl and targets.csv.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "1000", description = "People (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed: same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--year", defaultValue = "2021", description = "Year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--pe-charset", defaultValue = "UTF-8", converter = ExportCharset.class,
            description = "Charset of pe.csv: UTF-8 or the legacy ISO-8859-1 (default: ${DEFAULT-VALUE}).")
    Charset peCharset;

    @Override
    public Integer call() throws IOException {
        GeneratedDataSet data = Generator.generate(GeneratorOptions.defaults(out).withPeople(people).withSeed(seed)
                .withYear(year).withPeCharset(peCharset));
        System.out.printf("wrote %s: %d source records (%d deliberately bad) and %d targets%n",
                out, data.totalRecords(), data.totalBadRecords(), data.targetRows());
        return 0;
    }
}
