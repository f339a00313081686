package dev.wharf.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * The embedded H2 engine: warehouse files under {@code dataDir/warehouses}, served over the PostgreSQL wire protocol
 * on {@code pgPort} and over H2's own protocol on {@code tcpPort}, both on {@code bindHost}; {@code publicHost} is
 * what {@code warehouse_status} tells users to connect to.
 */
public class H2EngineConfiguration {
    @NotEmpty
    private String dataDir = ".wharf";

    @NotEmpty
    private String bindHost = "127.0.0.1";

    @NotEmpty
    private String publicHost = "127.0.0.1";

    @Min(1)
    @Max(65535)
    private int pgPort = 15432;

    @Min(1)
    @Max(65535)
    private int tcpPort = 15433;

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public String getBindHost() {
        return bindHost;
    }

    @JsonProperty
    public void setBindHost(String bindHost) {
        this.bindHost = bindHost;
    }

    @JsonProperty
    public String getPublicHost() {
        return publicHost;
    }

    @JsonProperty
    public void setPublicHost(String publicHost) {
        this.publicHost = publicHost;
    }

    @JsonProperty
    public int getPgPort() {
        return pgPort;
    }

    @JsonProperty
    public void setPgPort(int pgPort) {
        this.pgPort = pgPort;
    }

    @JsonProperty
    public int getTcpPort() {
        return tcpPort;
    }

    @JsonProperty
    public void setTcpPort(int tcpPort) {
        this.tcpPort = tcpPort;
    }
}
