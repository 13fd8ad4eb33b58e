package fr.ais.consolidation.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The consolidation recovers without an operator from the cluster out of reach, and stops on a processing error")
class ConsolidationAppTest {

    @Test
    void a_thread_stopped_because_the_broker_was_away_longer_than_the_clients_wait_is_replaced() {
        // as seen when the broker restarted under load (docs/reliability.md, scenario 3): the commit after a minute
        Throwable brokerAway = new StreamsException("Error encountered trying to add offsets to a transaction",
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new TransactionAbortableException("Transaction Request was aborted after exhausting retries.",
                                new TimeoutException("Topic x-changelog not present in metadata after 60000 ms."))));

        assertThat(ConsolidationApp.responseTo(brokerAway)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(ConsolidationApp.responseTo(new StreamsException(new TimeoutException("no answer"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void a_processing_error_stops_the_application_since_it_would_fail_again_on_the_same_record() {
        assertThat(ConsolidationApp.responseTo(new StreamsException(new IllegalStateException("a bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(ConsolidationApp.responseTo(new StreamsException(new SerializationException("bad bytes"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
