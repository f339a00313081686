package dev.wharf.bootstrap.contract;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The whole contract suite (every {@code *ContractTest} of this package but the transport-level one), run from inside a test through the JUnit
 * Platform launcher. It is a test plan of its own, so it starts its own in-process Wharf (see {@link
 * ContractTarget.Extension}) and stops it when it ends.
 */
final class ContractSuite {
    private ContractSuite() {}

    static TestExecutionSummary run() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(ContractTest.class.getPackageName()))
                .filters(
                        includeClassNamePatterns(".*ContractTest"),
                        // Transport-level refusals, no secrets: under DEBUG logging its unread-body case hung twice
                        // in CI (a client still sending a body the server neither read nor closed); see the notes.
                        excludeClassNamePatterns(".*MalformedRequestContractTest"),
                        EngineFilter.includeEngines("junit-jupiter"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    /** The failures of a run, with their stack traces, for an assertion message. */
    static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 30);
        return text.toString();
    }
}
