package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one generated source file holds.
 *
 * @param records     input records (data lines, header excluded): records = good + bad
 * @param goodRecords records a connector must accept
 * @param badRecords  records a connector must reject
 * @param badByReason bad records per rejection reason, every reason listed (in enum order)
 * @param bad         each bad record's line, reason and field
 */
public record FileSummary(Path file, int records, int goodRecords, int badRecords,
                          Map<RejectReason, Integer> badByReason, List<BadRecord> bad) {
}
