package org.groupenrollment.events.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads a packaged configuration file the way Spring Boot binds it, without an
 * application.
 */
final class SharedConfiguration {

    static final String SHARED = "enrollment-shared.yml";

    static final String CATALOG = "enrollment-catalog.yml";

    private SharedConfiguration() {
    }

    static <T> T bind(String file, String prefix, Class<T> type) {
        MutablePropertySources sources = new MutablePropertySources();
        try {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).forEach(sources::addLast);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file + " from the classpath", ex);
        }
        return new Binder(ConfigurationPropertySources.from(sources)).bind(prefix, type)
            .orElseThrow(() -> new IllegalStateException(file + " has no " + prefix));
    }

}
