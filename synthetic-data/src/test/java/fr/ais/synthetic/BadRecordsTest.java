package fr.ais.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.export.FileSummary;
import fr.ais.synthetic.export.BadRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3.4: about 1 % bad records, of every rejection kind the SPEC lists, in each of the three files. */
class BadRecordsTest {

    @TempDir
    Path dir;

    @Test
    void everyRejectionKindIsInEveryFile() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir));
        for (FileSummary summary : List.of(ds.pe(), ds.imilo(), ds.ouiform())) {
            assertThat(summary.badByReason()).as(summary.file().toString())
                    .containsOnlyKeys(RejectReason.values())
                    // the connectors' own later kinds (control characters, undecodable bytes) are not planted
                    .allSatisfy((reason, count) -> assertThat(count > 0).as(reason.name())
                            .isEqualTo(BadRecord.PLANTED_REASONS.contains(reason)));
            assertThat(summary.records()).isEqualTo(summary.goodRecords() + summary.badRecords());
        }
    }

    @Test
    void aboutOnePercentAreBad() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(5000));
        double share = (double) ds.totalBadRecords() / ds.totalRecords();
        assertThat(share).isBetween(0.008, 0.013);
    }

    @Test
    void aZeroRateWritesNoBadRecord() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withBadRecordRate(0));
        assertThat(ds.totalBadRecords()).isZero();
    }

    @Test
    void badFieldsAreNamedLikeTheSource() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(3000));
        assertThat(ds.pe().bad()).extracting(b -> b.field())
                .contains("siret_organisme", "identifiant_de", "code_region_formation", "date_naissance");
        assertThat(ds.imilo().bad()).extracting(b -> b.field())
                .contains("jeune.identifiantPE", "formation.siret", "structure.codeRegion");
        assertThat(ds.ouiform().bad()).extracting(b -> b.field())
                .contains("beneficiary.peIdentifier", "session.providerSiret", "prescriber.regionCode");
        assertThat(ds.pe().bad()).filteredOn(b -> b.reason() == RejectReason.PARSE_ERROR)
                .allMatch(b -> b.field() == null);
    }
}
