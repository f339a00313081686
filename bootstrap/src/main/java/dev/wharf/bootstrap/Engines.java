package dev.wharf.bootstrap;

import dev.wharf.adapters.out.provisioning.h2.H2EngineSettings;
import dev.wharf.adapters.out.provisioning.h2.H2WarehouseEngine;
import java.nio.file.Path;

/** Turns engine configuration into engines; the configuration classes stay here, plain records go inward. */
final class Engines {
    private Engines() {}

    static H2WarehouseEngine h2(H2EngineConfiguration c) {
        return new H2WarehouseEngine(new H2EngineSettings(
                Path.of(c.getDataDir()).toAbsolutePath().normalize(),
                c.getBindHost(),
                c.getPgPort(),
                c.getTcpPort(),
                c.getPublicHost()));
    }
}
