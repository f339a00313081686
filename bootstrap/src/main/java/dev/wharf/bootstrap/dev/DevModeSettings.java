package dev.wharf.bootstrap.dev;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** Dev mode's settings: the file that keeps its API key between starts, and a key the operator chose. */
public class DevModeSettings {
    @NotEmpty
    private String apiKeyFile;

    private String apiKey;

    /** The data directory, where an H2 engine's warehouses from before the embedded PostgreSQL server may be. */
    private String dataDir = "./.wharf";

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public String getApiKeyFile() {
        return apiKeyFile;
    }

    @JsonProperty
    public void setApiKeyFile(String apiKeyFile) {
        this.apiKeyFile = apiKeyFile;
    }

    /** The key from {@code WHARF_DEV_API_KEY}, or empty to keep or make one. */
    @JsonProperty
    public String getApiKey() {
        return apiKey;
    }

    @JsonProperty
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }
}
