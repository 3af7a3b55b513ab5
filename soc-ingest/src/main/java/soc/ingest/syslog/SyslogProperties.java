package soc.ingest.syslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Syslog receivers ({@code soc.ingest.syslog.*}). A port of 0 switches that receiver off; TLS also needs a
 * keystore. The longest accepted message is {@code soc.ingest.max-line-bytes}, as for HTTP.
 *
 * @param enabled        false switches all syslog receivers off
 * @param bindAddress    interface to listen on; empty for all
 * @param udpPort        UDP port (RFC 5426), one datagram = one message
 * @param tcpPort        TCP port (RFC 6587 framing)
 * @param tlsPort        TLS port (RFC 5425, RFC 6587 framing inside TLS)
 * @param tls            the TLS receiver's server certificate
 * @param maxConnections TCP + TLS connections served at once, each; further connections are closed at once
 * @param maxInFlight    messages sent to Kafka and not yet acknowledged, over all receivers; when reached, TCP and
 *                       TLS connections stop being read (back-pressure) and UDP datagrams queue
 * @param udpQueue       datagrams waiting for Kafka; beyond, they are dropped and counted
 *                       ({@code soc.ingest.syslog.udp.dropped})
 */
@ConfigurationProperties("soc.ingest.syslog")
public record SyslogProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("") String bindAddress,
                               @DefaultValue("15514") int udpPort,
                               @DefaultValue("15514") int tcpPort,
                               @DefaultValue("16514") int tlsPort,
                               @DefaultValue Tls tls,
                               @DefaultValue("256") int maxConnections,
                               @DefaultValue("10000") int maxInFlight,
                               @DefaultValue("10000") int udpQueue) {

    /**
     * @param keystore         path of the keystore holding the server key and certificate chain
     * @param keystorePassword its password (also the key's)
     * @param keystoreType     {@code PKCS12} (default) or {@code JKS}
     */
    public record Tls(String keystore, String keystorePassword, @DefaultValue("PKCS12") String keystoreType) {
        public boolean configured() {
            return keystore != null && !keystore.isBlank();
        }
    }
}
