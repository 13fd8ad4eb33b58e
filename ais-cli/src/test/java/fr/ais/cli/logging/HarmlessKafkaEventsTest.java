package fr.ais.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A healthy run prints no ERROR line: the two harmless Kafka events get their real level, nothing else changes. */
class HarmlessKafkaEventsTest {

    private static final String FIRST_SEQUENCE_RACE = "Invalid sequence number for producer 2 at offset 3037 in partition"
            + " ais.pe.events-2: 76 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer"
            + " with no existing state.";

    // the process's own logging: Kafka's LogContext takes its loggers from the SLF4J factory
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final HarmlessKafkaEvents filter = new HarmlessKafkaEvents();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void logToAList() {
        filter.start();
        context.addTurboFilter(filter);
        events.setContext(context);
        events.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(events);
    }

    @AfterEach
    void restoreLogging() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(events);
        context.getTurboFilterList().remove(filter);
    }

    @Test
    void the_brokers_retriable_first_sequence_rejection_of_transactions_v2_is_info() {
        Logger broker = context.getLogger(HarmlessKafkaEvents.REPLICA_MANAGER);

        broker.error("[ReplicaManager broker=1] Error processing append operation on partition x:ais.pe.events-2",
                new OutOfOrderSequenceException(FIRST_SEQUENCE_RACE));

        assertThat(levels()).containsExactly(Level.INFO);
        assertThat(events.list.get(0).getThrowableProxy().getMessage()).isEqualTo(FIRST_SEQUENCE_RACE);
    }

    @Test
    void the_brokers_refusal_of_a_batch_that_overtook_one_held_back_for_verification_is_info() {
        Logger broker = context.getLogger(HarmlessKafkaEvents.REPLICA_MANAGER);

        broker.error("Error processing append operation on partition x:ais-run-members-by-session-repartition-0",
                new OutOfOrderSequenceException("Out of order sequence number for producer 5 at offset 2293 in partition"
                        + " ais-run-members-by-session-repartition-0: 1813 (incoming seq. number), 849 (current end"
                        + " sequence number)"));

        assertThat(levels()).containsExactly(Level.INFO);
    }

    @Test
    void any_other_broker_error_stays_an_error() {
        Logger broker = context.getLogger(HarmlessKafkaEvents.REPLICA_MANAGER);

        broker.error("Error processing append operation on partition x:t-0", new IllegalStateException("disk full"));
        broker.error("Error processing append operation on partition x:t-0");

        assertThat(levels()).containsExactly(Level.ERROR, Level.ERROR);
    }

    @Test
    void tasks_whose_state_is_wiped_and_restored_after_an_unclean_stop_are_a_warning() {
        taskManagerLogger().error("Get exceptions for the following tasks: {}",
                Map.of(new TaskId(0, 1), new TaskCorruptedException(Set.of(new TaskId(0, 1)))));

        assertThat(levels()).containsExactly(Level.WARN);
        assertThat(events.list.get(0).getFormattedMessage()).startsWith("stream-thread [app-StreamThread-1] Get exceptions");
    }

    @Test
    void a_task_failing_for_another_reason_stays_an_error() {
        taskManagerLogger().error("Get exceptions for the following tasks: {}",
                Map.of(new TaskId(0, 1), new TaskCorruptedException(Set.of(new TaskId(0, 1))),
                        new TaskId(0, 2), new StreamsException("boom")));

        assertThat(levels()).containsExactly(Level.ERROR);
    }

    @Test
    void other_loggers_and_levels_are_untouched() {
        context.getLogger("fr.ais.cli").error("something wrong", new OutOfOrderSequenceException(FIRST_SEQUENCE_RACE));
        context.getLogger(HarmlessKafkaEvents.REPLICA_MANAGER).warn("a warning");

        assertThat(levels()).containsExactly(Level.ERROR, Level.WARN);
    }

    /** The TaskManager's logger as Streams builds it: through a log context that prefixes the thread. */
    private Logger taskManagerLogger() {
        return new LogContext("stream-thread [app-StreamThread-1] ").logger(HarmlessKafkaEvents.TASK_MANAGER);
    }

    private List<Level> levels() {
        return events.list.stream().map(ILoggingEvent::getLevel).toList();
    }
}
