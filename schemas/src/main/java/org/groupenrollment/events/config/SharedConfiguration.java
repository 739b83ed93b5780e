package org.groupenrollment.events.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the packaged {@code enrollment-shared.yml} the way Spring Boot binds it, without
 * an application.
 */
final class SharedConfiguration {

    private static final String FILE = "enrollment-shared.yml";

    private SharedConfiguration() {
    }

    static <T> T bind(String prefix, Class<T> type) {
        MutablePropertySources sources = new MutablePropertySources();
        try {
            new YamlPropertySourceLoader().load(FILE, new ClassPathResource(FILE)).forEach(sources::addLast);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + FILE + " from the classpath", ex);
        }
        return new Binder(ConfigurationPropertySources.from(sources)).bind(prefix, type)
            .orElseThrow(() -> new IllegalStateException(FILE + " has no " + prefix));
    }

}
