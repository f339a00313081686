package dev.wharf.adapters.in.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /api/ping/}: a constant answer, without authentication or the database. Load balancers may use it to see
 * that the API answers; the benchmark uses it as the framework's ceiling on the same machine.
 */
@Path("/api/ping{slash: /?}")
public final class PingResource {
    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return PONG;
    }
}
