package dev.wharf.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wharf.adapters.in.rest.errors.ErrorBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/schema/}: the OpenAPI document that describes this API, without authentication. It is the file
 * checked into the repository, byte for byte ({@code application/yaml}); {@code ?format=json} converts it to JSON.
 */
@Path("/api/schema{slash: /?}")
public final class SchemaResource {
    public static final String LOCATION = "/openapi/wharf.yaml";
    public static final String YAML = "application/yaml";

    private final String yaml;
    private final String json;

    public SchemaResource() {
        this.yaml = load();
        this.json = toJson(yaml);
    }

    @GET
    public Response schema(@QueryParam("format") String format) {
        if (format == null || format.equals("yaml")) {
            return Response.ok(yaml, YAML).build();
        }
        if (format.equals("json")) {
            return Response.ok(json, "application/json").build();
        }
        return ErrorBody.response(400, "format must be yaml or json");
    }

    /** The document as the jar carries it. */
    public static String load() {
        try (InputStream in = SchemaResource.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(String yaml) {
        try {
            return new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
