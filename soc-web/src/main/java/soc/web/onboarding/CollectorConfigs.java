package soc.web.onboarding;

/** Example collector configurations for a tenant's direct-Kafka topic (shown on the source's Kafka page). */
public final class CollectorConfigs {
    private CollectorConfigs() {
    }

    public static String vector(String bootstrap, String topic, String sourceId) {
        return """
                [transforms.soc_source]
                type = "remap"
                inputs = ["my_logs"]
                source = '.soc_headers = {"soc-source": "%3$s"}'

                [sinks.soc]
                type = "kafka"
                inputs = ["soc_source"]
                bootstrap_servers = "%1$s"
                topic = "%2$s"
                key_field = "host"
                headers_key = "soc_headers"
                encoding.codec = "json"
                """.formatted(bootstrap, topic, sourceId);
    }

    public static String fluentBit(String bootstrap, String topic) {
        return """
                # Fluent Bit's kafka output writes no record headers: put Vector (above) or another
                # header-capable producer behind it, or send to the HTTP ingest API instead.
                [OUTPUT]
                    Name              kafka
                    Match             *
                    Brokers           %1$s
                    Topics            %2$s
                    Format            json
                    Message_Key_Field host
                """.formatted(bootstrap, topic);
    }

    public static String winlogbeat(String bootstrap, String topic, String sourceId) {
        return """
                output.kafka:
                  hosts: ["%1$s"]
                  topic: "%2$s"
                  key: "%%{[host.name]}"
                  headers:
                    - key: "soc-source"
                      value: "%3$s"
                """.formatted(bootstrap, topic, sourceId);
    }
}
