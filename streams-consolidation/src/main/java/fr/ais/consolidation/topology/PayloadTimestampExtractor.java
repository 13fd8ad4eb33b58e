package fr.ais.consolidation.topology;

import fr.ais.schemas.PrescriptionEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time from the payload: a source record's version timestamp, not the time it was produced. */
public final class PayloadTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof PrescriptionEvent event) {
            return event.getVersionTimestamp().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
