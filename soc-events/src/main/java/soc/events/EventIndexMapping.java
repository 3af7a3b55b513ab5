package soc.events;

/**
 * The OpenSearch mappings of the per-tenant event indices ({@link IndexNames#events}): strings as keywords, the
 * few typed fields explicit. One definition for soc-ingest's index template and for anything that indexes events
 * the same way (the detection benchmark's scheduled-query strategy).
 */
public final class EventIndexMapping {
    public static final String MAPPINGS = """
            {
              "dynamic_templates": [
                {"strings": {"match_mapping_type": "string",
                             "mapping": {"type": "keyword", "ignore_above": 2048}}}
              ],
              "properties": {
                "@timestamp": {"type": "date"},
                "message": {"type": "text"},
                "event": {"properties": {
                  "ingested": {"type": "date"},
                  "original": {"type": "text", "index": false}
                }},
                "source": {"properties": {"ip": {"type": "ip", "ignore_malformed": true}}},
                "destination": {"properties": {"ip": {"type": "ip", "ignore_malformed": true}}}
              }
            }
            """;

    private EventIndexMapping() {
    }
}
