package dev.wharf.bootstrap.contract;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The whole contract suite (every {@code *ContractTest} of this package), run from inside a test through the JUnit
 * Platform launcher. It is a test plan of its own, so it starts its own in-process Wharf (see {@link
 * ContractTarget.Extension}) and stops it when it ends.
 */
final class ContractSuite {
    private ContractSuite() {}

    /** What a run did: its summary, and the simple names of the test classes whose tests succeeded. */
    record Result(TestExecutionSummary summary, Set<String> passedClasses) {}

    static Result run() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(ContractTest.class.getPackageName()))
                .filters(includeClassNamePatterns(".*ContractTest"), EngineFilter.includeEngines("junit-jupiter"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Set<String> passed = ConcurrentHashMap.newKeySet();
        TestExecutionListener classes = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    test.getSource()
                            .filter(MethodSource.class::isInstance)
                            .map(source ->
                                    ((MethodSource) source).getJavaClass().getSimpleName())
                            .ifPresent(passed::add);
                }
            }
        };
        LauncherFactory.create().execute(request, listener, classes);
        return new Result(listener.getSummary(), Set.copyOf(passed));
    }

    /** The failures of a run, with their stack traces, for an assertion message. */
    static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 30);
        return text.toString();
    }
}
