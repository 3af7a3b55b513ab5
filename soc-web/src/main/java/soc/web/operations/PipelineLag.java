package soc.web.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far each stage of the pipeline is behind: per consumer group, the records on its topics not yet committed.
 * Growing lag means a stage needs more instances (or a downstream store is slow or down).
 */
@Component
class PipelineLag implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(PipelineLag.class);

    /** The platform's consumer groups, in pipeline order, with what each stage does. */
    static final Map<String, String> STAGES = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of(
            "soc-ingest-normaliser", "raw -> normalised events + OpenSearch",
            "soc-ingest-collect", "tenants' collector topics -> raw",
            "soc-detect", "events -> alerts",
            "soc-cases-intake", "alerts -> analyst queue",
            "soc-cases-dead-letters", "dead letters -> rejected input page")));

    private final KafkaAdmin kafkaAdmin;
    private Admin admin;

    PipelineLag(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** Lag per consumer group; a group that has not committed anything yet has no figure (null). */
    List<GroupLag> current() {
        List<GroupLag> result = new ArrayList<>();
        for (Map.Entry<String, String> stage : STAGES.entrySet()) {
            result.add(new GroupLag(stage.getKey(), stage.getValue(), lagOf(stage.getKey())));
        }
        return result;
    }

    private Long lagOf(String group) {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return null;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("lag of {} unavailable: {}", group, e.toString());
            return null;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }

    record GroupLag(String group, String stage, Long lag) {
    }
}
