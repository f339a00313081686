package dev.wharf.bootstrap.contract;

import dev.wharf.bootstrap.contract.DocumentedOperations.Op;
import dev.wharf.bootstrap.contract.HostileWharfs.Wharf;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid body for each operation that takes one, as raw JSON per field, for one field at a time to be spoiled. */
final class ValidBodies {
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
        }
        return body;
    }
}
