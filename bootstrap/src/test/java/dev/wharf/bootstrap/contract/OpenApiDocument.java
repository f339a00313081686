package dev.wharf.bootstrap.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The OpenAPI document checked into the repository, and what the suite checks with it. An answer to a documented
 * operation must match that operation's response for its status (status, content type, headers, body schema). An answer
 * to a path the document does not name must be 404, and a method a documented path does not take 405, each with the
 * body of the document's {@code UnknownPath} / {@code MethodNotAllowed} responses; a refusal made before any operation
 * sees the request (400, 414, 431) on any path, the body of {@code MalformedRequest}; and a 503 on any path, the body
 * and headers of {@code ShuttingDown}.
 */
final class OpenApiDocument {
    static final Path FILE = Path.of("adapters", "src", "main", "resources", "openapi", "wharf.yaml");
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String NOT_ALLOWED = "validation.request.operation.notAllowed";
    private static final String STATUS_UNKNOWN = "validation.response.status.unknown";
    /** The statuses of {@code MalformedRequest}: refusals made before any operation sees the request. */
    private static final java.util.Set<Integer> MALFORMED = java.util.Set.of(400, 414, 431);
    /** The status of {@code ShuttingDown}: a request refused while the server stops. */
    private static final int SHUTTING_DOWN = 503;

    private static OpenApiDocument checkedIn;

    private final String text;
    private final OpenAPI model;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;

    private OpenApiDocument(String text) {
        this.text = text;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        if (parsed.getOpenAPI() == null
                || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new IllegalStateException("the OpenAPI document does not parse cleanly: " + parsed.getMessages());
        }
        this.model = parsed.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .build();
        this.schemas = new SchemaValidator(model, new MessageResolver());
    }

    /** The file in the repository ({@value} relative to the project root), read once per JVM. */
    static synchronized OpenApiDocument checkedIn() {
        if (checkedIn == null) {
            try {
                checkedIn = new OpenApiDocument(Files.readString(file(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return checkedIn;
    }

    /** The checked-in file: surefire runs in the module directory ({@code basedir}), the file is in a sibling. */
    static Path file() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException("cannot find " + FILE + " above " + module);
    }

    String text() {
        return text;
    }

    OpenAPI model() {
        return model;
    }

    /** What is wrong with this answer, according to the document; empty when nothing is. */
    List<String> problems(String method, String path, int status, HttpHeaders headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> response.withHeader(name, values));
        headers.firstValue("Content-Type").ifPresent(response::withContentType);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        boolean anyPath = has(report, PATH_MISSING) || has(report, NOT_ALLOWED) || has(report, STATUS_UNKNOWN);
        if (MALFORMED.contains(status) && anyPath) {
            return fallback("MalformedRequest", status, status, body);
        }
        if (status == SHUTTING_DOWN && anyPath) {
            List<String> problems = fallback("ShuttingDown", status, status, body);
            for (String header : model.getComponents()
                    .getResponses()
                    .get("ShuttingDown")
                    .getHeaders()
                    .keySet()) {
                if (headers.firstValue(header).isEmpty()) {
                    problems.add("a 503 must carry " + header);
                }
            }
            return problems;
        }
        if (has(report, PATH_MISSING)) {
            return fallback("UnknownPath", 404, status, body);
        }
        if (has(report, NOT_ALLOWED)) {
            List<String> problems = fallback("MethodNotAllowed", 405, status, body);
            if (headers.firstValue("Allow").isEmpty()) {
                problems.add("a 405 must name the allowed methods in Allow");
            }
            return problems;
        }
        return describe(report);
    }

    private List<String> fallback(String responseName, int expected, int status, String body) {
        List<String> problems = new java.util.ArrayList<>();
        if (status != expected) {
            problems.add("not in the document, so the answer must be " + expected + " but was " + status);
        }
        Schema<?> schema = model.getComponents()
                .getResponses()
                .get(responseName)
                .getContent()
                .get("application/json")
                .getSchema();
        problems.addAll(describe(schemas.validate(body, schema, "response.body")));
        return problems;
    }

    private static boolean has(ValidationReport report, String key) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
    }

    private static List<String> describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toCollection(java.util.ArrayList::new));
    }
}
