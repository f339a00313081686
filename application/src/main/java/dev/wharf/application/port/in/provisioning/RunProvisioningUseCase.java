package dev.wharf.application.port.in.provisioning;

/** One pass of the provisioning worker over the warehouses with work due; returns how many it worked on. */
public interface RunProvisioningUseCase {
    int runOnce();
}
