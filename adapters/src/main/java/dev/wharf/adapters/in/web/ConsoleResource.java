package dev.wharf.adapters.in.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The web console: {@code GET /} is its page, {@code GET /console/<file>} and {@code GET /console/<folder>/<file>}
 * its scripts, styles and chart library (the pages in {@code pages/}, uPlot in {@code lib/}). No
 * authentication here: the files hold no data; the page signs in with a personal API key and calls the API like any
 * client. Every answer is revalidated ({@code no-cache} with an ETag) so a new Wharf's console is used at once.
 */
@Path("/")
public final class ConsoleResource {
    private final ConsoleFiles files;

    public ConsoleResource(ConsoleFiles files) {
        this.files = files;
    }

    @GET
    public Response page(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String seen) {
        return answer(files.find("index.html"), seen);
    }

    @GET
    @Path("console/{name}")
    public Response file(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String seen) {
        return answer(files.find(name), seen);
    }

    @GET
    @Path("console/{folder}/{name}")
    public Response file(
            @PathParam("folder") String folder,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String seen) {
        return answer(files.find(folder + "/" + name), seen);
    }

    private static Response answer(Optional<ConsoleFiles.File> found, String seen) {
        if (found.isEmpty()) {
            throw new NotFoundException(); // answered as every unknown path is
        }
        ConsoleFiles.File file = found.get();
        if (file.etag().equals(seen)) {
            return Response.notModified()
                    .tag(unquoted(file.etag()))
                    .header("Cache-Control", "no-cache")
                    .build();
        }
        return Response.ok(file.bytes(), file.type())
                .tag(unquoted(file.etag()))
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
