package fr.ais.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.export.BadRecord;
import fr.ais.synthetic.export.FileSummary;
import fr.ais.synthetic.export.SourceFiles;
import fr.ais.synthetic.world.Population;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a realistic synthetic year of the three source exports (SPEC §3), the targets file (SPEC §5) and a
 * {@code manifest.json} saying how many records each file holds and which ones are intentionally bad, so tests can
 * check input = accepted + rejected. Deterministic: the same options give the same bytes.
 */
public final class Generator {

    public static final String MANIFEST_FILE = "manifest.json";

    private Generator() {
    }

    public static GeneratedDataSet generate(GeneratorOptions options) throws IOException {
        Path dir = options.outDir();
        Files.createDirectories(dir);
        SplittableRandom root = new SplittableRandom(options.seed());
        Population population = Population.generate(options.people(), options.year(), root.split());
        SourceFiles.Written written = SourceFiles.write(population, options.year(), dir, options.peCharset(),
                options.badRecordRate(), root.split());
        GeneratedDataSet dataSet = new GeneratedDataSet(dir, dir.resolve(SourceFiles.PE_FILE),
                dir.resolve(SourceFiles.IMILO_FILE), dir.resolve(SourceFiles.OUIFORM_FILE),
                dir.resolve(SourceFiles.TARGETS_FILE), dir.resolve(MANIFEST_FILE), written.pe(), written.imilo(),
                written.ouiform(), written.targetRows(), population.people().size(),
                population.prescriptions().size());
        writeManifest(options, dataSet);
        return dataSet;
    }

    private static void writeManifest(GeneratorOptions options, GeneratedDataSet dataSet) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode opts = root.putObject("options");
        opts.put("people", options.people());
        opts.put("seed", options.seed());
        opts.put("year", options.year());
        opts.put("peCharset", options.peCharset().name());
        opts.put("badRecordRate", options.badRecordRate());
        root.put("lineNumbers", "1-based physical lines; the pe.csv header is line 1");
        ObjectNode files = root.putObject("files");
        files.set("pe", summary(mapper, dataSet.pe()));
        files.set("imilo", summary(mapper, dataSet.imilo()));
        files.set("ouiform", summary(mapper, dataSet.ouiform()));
        ObjectNode targets = root.putObject("targets");
        targets.put("file", dataSet.targetsFile().getFileName().toString());
        targets.put("rows", dataSet.targetRows());
        ObjectNode truth = root.putObject("population");
        truth.put("people", dataSet.people());
        truth.put("prescriptions", dataSet.prescriptions());
        ObjectNode totals = root.putObject("totals");
        totals.put("records", dataSet.totalRecords());
        totals.put("badRecords", dataSet.totalBadRecords());
        mapper.writeValue(dataSet.manifestFile().toFile(), root);
    }

    private static ObjectNode summary(ObjectMapper mapper, FileSummary summary) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", summary.file().getFileName().toString());
        node.put("records", summary.records());
        node.put("goodRecords", summary.goodRecords());
        node.put("badRecords", summary.badRecords());
        ObjectNode byReason = node.putObject("badByReason");
        for (Map.Entry<RejectReason, Integer> e : summary.badByReason().entrySet()) {
            byReason.put(e.getKey().name(), e.getValue());
        }
        ArrayNode bad = node.putArray("bad");
        for (BadRecord record : summary.bad()) {
            ObjectNode b = bad.addObject();
            b.put("line", record.line());
            b.put("reason", record.reason().name());
            b.put("field", record.field());
        }
        return node;
    }
}
