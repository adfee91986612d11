package dustwatch.risk.stream;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the registry (基础信息) as a table: the latest profile per USCC; a tombstone removes the enterprise. */
final class RegistryProcessor implements Processor<String, EnterpriseProfile, Void, Void> {
    private KeyValueStore<String, EnterpriseProfile> profiles;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        profiles = context.getStateStore(RiskTopology.PROFILES);
    }

    @Override
    public void process(Record<String, EnterpriseProfile> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            profiles.delete(record.key());
        } else {
            profiles.put(record.key(), record.value());
        }
    }
}
