package dev.wharf.bootstrap.contract;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concrete operations a JAX-RS resource class serves: each resource method's HTTP method and path template, with
 * every regex alternative written out ({@code {scope: projects|environments}} becomes both paths, {@code {slash: /?}}
 * both with and without the slash) and plain parameters kept as {@code {name}}.
 */
final class ResourceOperations {
    private static final Pattern TEMPLATE =
            Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*))?}");
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

    /** One operation: {@code GET /api/projects/{project_id}/data_warehouse/warehouse_status/}, and where it is. */
    record Operation(String method, String path, String source) {
        @Override
        public String toString() {
            return method + " " + path + " (" + source + ")";
        }
    }

    private ResourceOperations() {}

    static List<Operation> of(Class<?> resource) {
        Path classPath = resource.getAnnotation(Path.class);
        List<Operation> operations = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethod(method);
            Path methodPath = method.getAnnotation(Path.class);
            if (httpMethod == null) {
                if (methodPath != null) {
                    throw new IllegalStateException("sub-resource locators are not supported by the coverage check: "
                            + resource.getName() + "." + method.getName());
                }
                continue;
            }
            String template =
                    join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
            for (String path : expand(template)) {
                operations.add(new Operation(httpMethod, path, resource.getSimpleName() + "." + method.getName()));
            }
        }
        return operations;
    }

    static List<String> expand(String template) {
        Matcher matcher = TEMPLATE.matcher(template);
        if (!matcher.find()) {
            return List.of(template);
        }
        String before = template.substring(0, matcher.start());
        String after = template.substring(matcher.end());
        List<String> choices = choices(matcher.group(1), matcher.group(2), template);
        List<String> paths = new ArrayList<>();
        for (String rest : expand(after)) {
            for (String choice : choices) {
                paths.add(before + choice + rest);
            }
        }
        return paths;
    }

    private static List<String> choices(String name, String regex, String template) {
        if (regex == null || regex.isBlank()) {
            return List.of("{" + name + "}");
        }
        String pattern = regex.strip();
        if (pattern.equals("/?")) {
            return List.of("", "/");
        }
        if (ALTERNATIVES.matcher(pattern).matches()) {
            return List.of(pattern.split("\\|"));
        }
        throw new IllegalStateException("cannot write out {" + name + ": " + regex + "} in " + template
                + "; teach ResourceOperations this pattern");
    }

    private static String join(String classPath, String methodPath) {
        String left = classPath.startsWith("/") ? classPath : "/" + classPath;
        if (methodPath.isEmpty()) {
            return left;
        }
        String right = methodPath.startsWith("/") ? methodPath : "/" + methodPath;
        return left.endsWith("/") ? left + right.substring(1) : left + right;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}
