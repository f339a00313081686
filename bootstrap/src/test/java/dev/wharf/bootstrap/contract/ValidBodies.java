package dev.wharf.bootstrap.contract;

import dev.wharf.bootstrap.contract.DocumentedOperations.Op;
import dev.wharf.bootstrap.contract.HostileWharfs.Wharf;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid body for each operation that takes one, as raw JSON per field, for one field at a time to be spoiled. */
final class ValidBodies {
    /**
     * Where the webhooks the properties create point: loopback, which the in-process Wharf's sender (production's
     * settings) refuses without connecting.
     */
    static final String WEBHOOK_URL = "https://127.0.0.1:9/hostile";

    /** A valid body of {@code POST …/webhooks/}. */
    static final String WEBHOOK = "{\"url\": \"" + WEBHOOK_URL + "\", \"events\": [\"job.failed\"]}";

    private ValidBodies() {}

    static Map<String, String> of(Op op, Wharf wharf) {
        Map<String, String> body = new LinkedHashMap<>();
        if (op.body().containsKey("source_type")) {
            body.put("source_type", "\"Stripe\"");
        } else if (op.body().containsKey("kind")) {
            body.put("kind", "\"import\"");
            body.put("source_id", "\"" + wharf.source() + "\"");
            body.put("schema_name", "\"charges\"");
        } else if (op.body().containsKey("rows")) {
            body.put("rows", "1");
        } else if (op.body().containsKey("url")) {
            body.put("url", HostileValues.quoted(WEBHOOK_URL));
            body.put("events", "[\"job.failed\"]");
        }
        return body;
    }
}
