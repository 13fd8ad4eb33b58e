package fr.ais.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.registry.RegistryUnavailableException;
import java.net.ConnectException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A poller keeps polling through a broker or registry restart, and stops on anything else")
class OutOfReachTest {

    @Test
    void the_registry_or_the_broker_away_is_out_of_reach() {
        // what stopped ais ouiform-api when the broker and its registry restarted (docs/reliability.md, scenario 3)
        assertThat(OutOfReach.is(new SerializationException("cannot get the writer schema of subject x-key",
                new RegistryUnavailableException("schema registry unavailable after 6 attempts", new ConnectException()))))
                .isTrue();
        assertThat(OutOfReach.is(new KafkaException(new TimeoutException("not present in metadata after 60000 ms"))))
                .isTrue();
    }

    @Test
    void a_fenced_producer_or_bad_bytes_are_not() {
        assertThat(OutOfReach.is(new ProducerFencedException("another connector runs"))).isFalse();
        assertThat(OutOfReach.is(new SerializationException("bad bytes"))).isFalse();
        assertThat(OutOfReach.is(new IllegalStateException("a bug"))).isFalse();
    }
}
