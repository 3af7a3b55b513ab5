package soc.web.onboarding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import soc.events.TenantIds;
import soc.tenants.audit.AuditLog;

/**
 * Creates (and on deletion removes) a tenant's direct-Kafka collector topic {@code soc.collect.<tenant>.v1}, which
 * the ingest service subscribes to by pattern. Access control is Kafka's: in production each tenant's collector
 * principal gets WRITE on its own topic only (documented ACLs); the plaintext dev broker enforces none.
 */
@Component
public class CollectorTopicProvisioning {
    private static final long TIMEOUT_SECONDS = 15;

    private final ObjectProvider<KafkaAdmin> kafkaAdmin;
    private final OnboardingProperties properties;
    private final AuditLog audit;

    CollectorTopicProvisioning(ObjectProvider<KafkaAdmin> kafkaAdmin, OnboardingProperties properties, AuditLog audit) {
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.audit = audit;
    }

    public static String topicOf(String tenantId) {
        return "soc.collect." + TenantIds.requireValid(tenantId) + ".v1";
    }

    /** The Kafka address collectors connect to. */
    public String bootstrap() {
        if (properties.collectorBootstrap() != null && !properties.collectorBootstrap().isBlank()) {
            return properties.collectorBootstrap();
        }
        KafkaAdmin admin = kafkaAdmin.getIfAvailable();
        Object servers = admin == null ? null : admin.getConfigurationProperties().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return servers == null ? "" : servers.toString();
    }

    /** Whether the tenant's topic exists; empty when Kafka cannot be asked. */
    public java.util.Optional<Boolean> exists(String tenantId) {
        try (AdminClient admin = client()) {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return java.util.Optional.of(names.contains(topicOf(tenantId)));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return java.util.Optional.empty();
        }
    }

    /** Creates the topic; true when created, false when it already existed. */
    public boolean provision(String actor, String tenantId) {
        String topic = topicOf(tenantId);
        try (AdminClient admin = client()) {
            admin.createTopics(List.of(new NewTopic(topic, properties.collectorTopicPartitions(),
                    properties.collectorTopicReplicas()))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            audit.record(actor, tenantId, "collector-topic.created", topic + " (" + properties.collectorTopicPartitions()
                    + " partitions)");
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Kafka refused to create " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Deletes the topic if it exists (offboarding); true when one was deleted. */
    public boolean delete(String tenantId) {
        String topic = topicOf(tenantId);
        if (!exists(tenantId).orElse(false)) {
            return false;
        }
        try (AdminClient admin = client()) {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka did not delete " + topic + ": " + e.getMessage(), e);
        }
    }

    private AdminClient client() {
        KafkaAdmin admin = kafkaAdmin.getIfAvailable();
        if (admin == null) {
            throw new IllegalStateException("Kafka is not configured");
        }
        Map<String, Object> config = new java.util.HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return AdminClient.create(config);
    }
}
