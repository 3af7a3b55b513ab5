/**
 * Real PostgreSQL 17 (zonky embedded binaries), Kafka 4.2 (single-node KRaft, child JVM) and OpenSearch 2.19
 * (Maven Central zip) on this machine, without Docker.
 *
 * <p>Integration tests share one instance per JVM:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infra(DynamicPropertyRegistry registry) {
 *     TestInfra.all().springProperties().forEach((key, value) -> registry.add(key, () -> value));
 * }
 * }</pre>
 * The local run uses {@link soc.infra.InfraMain}. Layout of a data dir: {@code postgres/}, {@code kafka/},
 * {@code opensearch/}, {@code conf/} (generated configs), {@code run/} (pid files), {@code logs/} (all server output).
 *
 * <p>Roles: {@code soc_owner} owns database {@code soc} (run Flyway as it, and grant table privileges to
 * {@code soc_app} in the migrations); {@code soc_app} is the runtime role, without BYPASSRLS, so row-level security
 * applies to it.
 */
package soc.infra;
