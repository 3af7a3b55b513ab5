package soc.cases.deadletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import soc.events.DeadLetter;
import soc.events.EventJson;
import soc.events.TenantIds;
import soc.events.Topics;
import soc.tenants.scope.TenantScope;

/**
 * Makes the dead-letter topic visible to analysts: each message is stored once (keyed by its Kafka position,
 * so a re-delivery is ignored) and listed newest first within the reader's tenant scope.
 */
@Service
public class DeadLetters {
    static final int ORIGINAL_PREVIEW_CHARS = 4096;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeadLetters(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.DEAD_LETTER, groupId = "soc-cases-dead-letters", batch = "true")
    void onDeadLetters(List<ConsumerRecord<String, String>> records) {
        TenantScope.run(TenantScope.ALL_TENANTS, () -> transactions.executeWithoutResult(status -> {
            for (ConsumerRecord<String, String> record : records) {
                store(record);
            }
        }));
    }

    private void store(ConsumerRecord<String, String> record) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        DeadLetter letter;
        try {
            letter = EventJson.read(record.value(), DeadLetter.class);
        } catch (RuntimeException e) {
            // even an unreadable dead letter is kept, as it came
            letter = new DeadLetter(record.key(), null, "dead-letter", "unreadable dead letter: " + e.getMessage(),
                    record.value(), Instant.ofEpochMilli(record.timestamp()));
        }
        String tenant = TenantIds.isValid(letter.tenantId()) ? letter.tenantId() : null;
        String original = letter.original() == null || letter.original().length() <= ORIGINAL_PREVIEW_CHARS
                ? letter.original() : letter.original().substring(0, ORIGINAL_PREVIEW_CHARS);
        jdbc.sql("""
                        insert into dead_letter (tenant_id, source_id, stage, reason, original, rejected_at, kafka_position)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (kafka_position) do nothing
                        """)
                .params(tenant, letter.sourceId(), letter.stage() == null ? "unknown" : letter.stage(),
                        letter.reason() == null ? "no reason given" : letter.reason(), original,
                        Timestamp.from(letter.rejectedAt() == null ? Instant.now() : letter.rejectedAt()), position)
                .update();
    }

    /** Rejections per tenant and stage since a time, within the caller's scope (unattributed: tenant null). */
    @Transactional(readOnly = true)
    public List<RejectCount> countsSince(Instant since) {
        return jdbc.sql("select tenant_id, stage, count(*) from dead_letter where received_at >= ?"
                        + " group by tenant_id, stage order by count(*) desc, tenant_id, stage")
                .param(Timestamp.from(since))
                .query((rs, n) -> new RejectCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public record RejectCount(String tenantId, String stage, long count) {
    }

    /** The latest dead letters visible to the caller's scope, optionally of one tenant. */
    @Transactional(readOnly = true)
    public List<DeadLetterRow> latest(String tenantFilter, int limit) {
        String sql = "select dead_letter_id, tenant_id, source_id, stage, reason, original, rejected_at from dead_letter"
                + (tenantFilter == null ? "" : " where tenant_id = :tenant")
                + " order by received_at desc, dead_letter_id desc limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", limit);
        if (tenantFilter != null) {
            statement = statement.param("tenant", tenantFilter);
        }
        return statement.query((rs, n) -> new DeadLetterRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }
}
