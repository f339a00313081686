package dev.wharf.bootstrap.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every operation of the OpenAPI document with what a caller may put into it: path parameters, query parameters, and
 * the fields (with their documented JSON type) of its JSON body. Read from the document, so that an operation or a
 * parameter added there is exercised by the tests that use this list without anyone touching them.
 */
final class DocumentedOperations {
    private DocumentedOperations() {}

    /** One operation: {@code PATCH /api/projects/{project_id}/data_warehouse/jobs/{job_id}/}. */
    record Op(String method, String path, List<String> pathParameters, List<String> query, Map<String, String> body) {
        boolean hasBody() {
            return !body.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Op> all() {
        OpenAPI model = OpenApiDocument.checkedIn().model();
        List<Op> operations = new ArrayList<>();
        model.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    List<Parameter> parameters = parameters(model, operation);
                    operations.add(new Op(
                            method.name(),
                            path,
                            names(parameters, "path"),
                            names(parameters, "query"),
                            bodyFields(model, operation.getRequestBody())));
                }));
        return operations;
    }

    private static List<Parameter> parameters(OpenAPI model, Operation operation) {
        List<Parameter> resolved = new ArrayList<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                resolved.add(
                        parameter.get$ref() == null
                                ? parameter
                                : model.getComponents().getParameters().get(simpleName(parameter.get$ref())));
            }
        }
        return resolved;
    }

    private static List<String> names(List<Parameter> parameters, String in) {
        return parameters.stream()
                .filter(p -> in.equals(p.getIn()))
                .map(Parameter::getName)
                .collect(Collectors.toList());
    }

    private static Map<String, String> bodyFields(OpenAPI model, RequestBody body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.getContent() == null || body.getContent().get("application/json") == null) {
            return fields;
        }
        Schema<?> schema = body.getContent().get("application/json").getSchema();
        if (schema.get$ref() != null) {
            schema = model.getComponents().getSchemas().get(simpleName(schema.get$ref()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> fields.put(name, String.valueOf(property.getType())));
        }
        return fields;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
