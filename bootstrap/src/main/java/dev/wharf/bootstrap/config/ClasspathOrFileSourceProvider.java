package dev.wharf.bootstrap.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@code classpath:name} from inside the jar (dev mode's built-in configuration), anything else as a file. */
public final class ClasspathOrFileSourceProvider implements ConfigurationSourceProvider {
    public static final String CLASSPATH = "classpath:";

    private final ConfigurationSourceProvider files = new FileConfigurationSourceProvider();
    private final ConfigurationSourceProvider resources = new ResourceConfigurationSourceProvider();

    @Override
    public InputStream open(String path) throws IOException {
        if (path.startsWith(CLASSPATH)) {
            return resources.open(path.substring(CLASSPATH.length()));
        }
        return files.open(path);
    }
}
