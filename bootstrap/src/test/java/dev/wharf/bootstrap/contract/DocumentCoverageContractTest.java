package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wharf.bootstrap.contract.ResourceOperations.Operation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The document names every operation the resources serve, and serves nothing it does not name. A new resource method
 * that is not described fails here, before any client meets it.
 */
class DocumentCoverageContractTest extends ContractTest {
    static final String REST = "dev.wharf.adapters.in.rest";
    /** The web console's page and files, on the same port and in the same document. */
    static final String WEB = "dev.wharf.adapters.in.web";

    @Test
    void everyResourceMethodIsInTheDocument() {
        List<Operation> served = served();
        assertThat(served).as("the scan found the resources").isNotEmpty();

        List<Operation> missing = served.stream().filter(op -> !documented(op)).collect(Collectors.toList());

        assertThat(missing)
                .as("resource methods missing from " + OpenApiDocument.FILE
                        + " (each path must be documented with its trailing slash; the slash-less form is covered by"
                        + " x-trailing-slash-optional)")
                .isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> served =
                served().stream().map(op -> op.method() + " " + op.path()).collect(Collectors.toSet());
        Set<String> documented = new TreeSet<>();
        model().getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> documented.add(method.name() + " " + path)));

        assertThat(documented).as("documented operations no resource serves").isSubsetOf(served);
    }

    @Test
    void theResourcesJerseyServesAreTheOnesTheScanFinds() {
        Set<Class<?>> registered = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Object resource : target.inProcess(
                        "Jersey's registered resources are visible only in process; remotely the scanned @Path"
                                + " classes stand for them")
                .registeredResources()) {
            Class<?> type = resource instanceof Class<?> c ? c : resource.getClass();
            if (type.isAnnotationPresent(Path.class)) {
                registered.add(type);
            }
        }

        assertThat(registered).isNotEmpty();
        assertThat(registered)
                .allSatisfy(type -> assertThat(type.getName()).matches("(" + REST + "|" + WEB + ")\\..*"));
        assertThat(registered).containsExactlyInAnyOrderElementsOf(scanned());
    }

    /** The {@code @Path} classes under {@value #REST} and {@value #WEB}, and in process whatever else Jersey was given. */
    private static List<Operation> served() {
        Set<Class<?>> resources = new java.util.LinkedHashSet<>(scanned());
        if (target.isInProcess()) {
            for (Object resource : target.inProcess().registeredResources()) {
                Class<?> type = resource instanceof Class<?> c ? c : resource.getClass();
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        List<Operation> operations = new ArrayList<>();
        resources.forEach(type -> operations.addAll(ResourceOperations.of(type)));
        return operations;
    }

    private static List<Class<?>> scanned() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(REST, WEB).stream()
                        .filter(type -> type.isAnnotatedWith(Path.class))
                        .map(JavaClass::reflect)
                        .collect(Collectors.toList());
    }

    private static boolean documented(Operation operation) {
        OpenAPI model = model();
        PathItem item = model.getPaths().get(operation.path());
        if (item == null && !operation.path().endsWith("/") && slashOptional(model)) {
            item = model.getPaths().get(operation.path() + "/");
        }
        return item != null
                && item.readOperationsMap().keySet().stream()
                        .anyMatch(method ->
                                method.name().equals(operation.method().toUpperCase(Locale.ROOT)));
    }

    private static boolean slashOptional(OpenAPI model) {
        return model.getExtensions() != null
                && Boolean.TRUE.equals(model.getExtensions().get("x-trailing-slash-optional"));
    }

    private static OpenAPI model() {
        return OpenApiDocument.checkedIn().model();
    }
}
