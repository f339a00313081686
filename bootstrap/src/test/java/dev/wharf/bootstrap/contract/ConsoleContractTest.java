package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web console's page and files, and the headers that keep it to its own scripts, on every answer. */
class ConsoleContractTest extends ContractTest {
    @Test
    void thePageLoadsItsOwnModuleAndNothingInline() {
        Answer page = api.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.response().headers().firstValue("ETag")).isPresent();
        assertThat(page.text())
                .contains("<script type=\"module\" src=\"/console/app.js\"></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]")
                .doesNotContainPattern("\\sstyle=|\\son[a-z]+=|<style");
    }

    @Test
    void everyAnswerForbidsInlineCodeFramingAndSniffing() {
        for (String path : List.of(
                "/", "/console/app.js", "/api/ping/", "/api/projects/1/data_warehouse/warehouse_status/", "/nowhere")) {
            Answer answer = api.get(path, path.contains("warehouse") ? admin : null);
            String policy = answer.response()
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("");
            assertThat(policy)
                    .as(path)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(answer.response().headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.response().headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
        }
    }

    @Test
    void theFilesAndTheChartLibraryAreServedWithTheirTypes() {
        assertThat(type("/console/app.js")).startsWith("text/javascript");
        assertThat(type("/console/pages/warehouse.js")).startsWith("text/javascript");
        assertThat(type("/console/console.css")).startsWith("text/css");
        assertThat(type("/console/wharf.svg")).isEqualTo("image/svg+xml");
        Answer uplot = api.get("/console/lib/uplot.js", null);
        assertThat(uplot.status()).isEqualTo(200);
        assertThat(uplot.text()).contains("uPlot.js (μPlot)", "(v1.6.30)", "export { uPlot as default }");
        assertThat(type("/console/lib/uplot.css")).startsWith("text/css");
    }

    @Test
    void onlyTheConsolesOwnFilesCanBeNamed() {
        for (String path : List.of(
                "/console/missing.js",
                "/console/App.js",
                "/console/app.js.map",
                "/console/app.class",
                "/console/lib/uPlot.esm.js",
                "/console/openapi/wharf.yaml",
                "/console/..%2F..%2Fopenapi%2Fwharf.yaml",
                "/console/dev/wharf/adapters/in/web/ConsoleFiles.class")) {
            Answer answer = api.get(path, null);
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.text()).as(path).doesNotContain("openapi:", "uPlot");
        }
    }

    private static String type(String path) {
        Answer answer = api.get(path, null);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.response().headers().firstValue("Content-Type").orElse("");
    }
}
