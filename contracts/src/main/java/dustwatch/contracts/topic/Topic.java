package dustwatch.contracts.topic;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * One Kafka topic: its name, key and value serdes, and whether it is log-compacted.
 *
 * @param name      topic name, e.g. {@code dust.realtime}
 * @param keySerde  serde of the key (the enterprise USCC for every dustwatch topic)
 * @param valueSerde serde of the value
 * @param compacted true when only the latest value per key matters (registry, risk assessments)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    /** A producer record for this topic. */
    public ProducerRecord<K, V> record(K key, V value) {
        return new ProducerRecord<>(name, key, value);
    }

    /** Decodes a value read from this topic as raw bytes. */
    public V readValue(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }

    /** Encodes a value for this topic. */
    public byte[] writeValue(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    /** The topic definition to create, with {@code partitions} partitions and replication factor {@code replicas}. */
    public NewTopic newTopic(int partitions, short replicas) {
        NewTopic topic = new NewTopic(name, partitions, replicas);
        return compacted ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }
}
