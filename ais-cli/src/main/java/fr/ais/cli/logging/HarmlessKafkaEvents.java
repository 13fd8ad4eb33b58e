package fr.ais.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.slf4j.Marker;

/**
 * Logs at the level they deserve two events that Kafka reports at ERROR although nothing is wrong, so
 * that a healthy run prints no ERROR line (an operator must be able to trust one when it shows).
 *
 * <ul>
 *   <li>The embedded broker's {@code ReplicaManager} refusing a batch with an {@link OutOfOrderSequenceException}.
 *       Under transactions v2 the broker verifies a partition with the transaction coordinator before the
 *       first append of each transaction, and holds back the produce request until then; a later request
 *       pipelined on the same connection can reach the log first and is refused, either because the
 *       partition has no state yet for the new epoch ("Expected sequence 0 for transactions v2 idempotent
 *       producer with no existing state", the retriable rejection KAFKA-18202 / apache/kafka PR 19902 added)
 *       or because the held-back batches are missing before it ("… (current end sequence number)"). The
 *       producer sends it again after the others: nothing is lost or doubled. Whether a sequence error is
 *       fatal is the producer's call, and a producer that cannot recover fails its transaction, which the
 *       component then reports itself. The broker logs {@code InvalidProducerEpochException}, the same kind
 *       of answer to a client, at INFO: so does this filter, for the broker this process embeds.</li>
 *   <li>Kafka Streams' {@code TaskManager} listing "exceptions for the following tasks" when every one is a
 *       {@link TaskCorruptedException}: after an unclean stop under exactly-once a task's local state has no
 *       checkpoint and cannot be trusted, so Streams wipes it and restores it from its changelogs, the
 *       designed recovery (it logs each corrupted task at WARN next). WARN, as Streams does.</li>
 * </ul>
 *
 * Anything else from these loggers keeps its level.
 */
public final class HarmlessKafkaEvents extends TurboFilter {

    static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";
    static final String TASK_MANAGER = "org.apache.kafka.streams.processor.internals.TaskManager";
    /** One entry of a task map as text: the task id (its topology's name first, if any), then its exception's class. */
    private static final Pattern TASK_EXCEPTION = Pattern.compile("(?:[{ ]|__)\\d+_\\d+=([\\w.$]+)");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null) {
            return FilterReply.NEUTRAL;
        }
        if (isSequenceRefusal(logger, t)) {
            logger.info(marker, format, t);
            return FilterReply.DENY;
        }
        if (isTaskCorruption(logger, format)) {
            logger.warn(marker, format, t);
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isSequenceRefusal(Logger logger, Throwable t) {
        return REPLICA_MANAGER.equals(logger.getName()) && t instanceof OutOfOrderSequenceException;
    }

    private static boolean isTaskCorruption(Logger logger, String message) {
        if (!TASK_MANAGER.equals(logger.getName()) || message == null
                || !message.contains("Get exceptions for the following tasks")) {
            return false;
        }
        // Streams' log context formats the message itself: the task map comes as text, "{0_1=<exception>, …}"
        Matcher entry = TASK_EXCEPTION.matcher(message);
        int entries = 0;
        while (entry.find()) {
            if (!entry.group(1).equals(TaskCorruptedException.class.getName())) {
                return false;
            }
            entries++;
        }
        return entries > 0;
    }
}
