package org.groupenrollment.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.groupenrollment.console.StaffConsoleApplication;
import org.groupenrollment.eligibility.EligibilityProcessorApplication;
import org.groupenrollment.notification.NotificationConsumerApplication;
import org.groupenrollment.signup.SignupProducerApplication;
import org.groupenrollment.serde.encryption.DataKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The three services (and, when asked, the staff console), each its own Spring Boot
 * application as in production, started in this JVM against the given broker, registry
 * and SMTP server.
 */
final class RunningPipeline implements AutoCloseable {

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    private final String[] common;

    private final Path dataDir;

    private ConfigurableApplicationContext producer;

    private ConfigurableApplicationContext notifier;

    private ConfigurableApplicationContext console;

    RunningPipeline(String bootstrapServers, String registryUrl, int smtpPort, Path dataDir) {
        this.dataDir = dataDir;
        this.common = new String[] { "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl, "--spring.mail.port=" + smtpPort,
                "--spring.mail.host=127.0.0.1", "--enrollment.data-dir=" + dataDir, "--server.port=0",
                "--management.server.port=0",
                // Short retry delays, so a test that meets a transient failure is not
                // kept waiting.
                "--enrollment.notifications.retry.first-delay=500ms",
                // The scenarios send every signup from one address.
                "--enrollment.web.rate-limit.enabled=false",
                // Every scenario on real parts runs with personal data encrypted, as a
                // deployment that asks for it does.
                "--enrollment.encryption.enabled=true", "--spring.kafka.streams.properties.commit.interval.ms=50", };
    }

    /**
     * The processor's and the notifier's jars hold no Spring Security; on this shared
     * classpath Boot would secure them by default (a generated password), so it is left
     * out for them, as in production.
     */
    static final String WITHOUT_SECURITY = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

    private final List<String> extra = new ArrayList<>();

    private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers = new ArrayList<>();

    /** More arguments for every service, before they start. */
    RunningPipeline with(String... arguments) {
        extra.addAll(List.of(arguments));
        return this;
    }

    /** Something to put into every service's context before it starts (a test's bean). */
    RunningPipeline with(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        initializers.add(initializer);
        return this;
    }

    RunningPipeline start() {
        startProcessor("eligibility-processor");
        notifier = start(NotificationConsumerApplication.application(), WITHOUT_SECURITY);
        services.add(notifier);
        producer = start(SignupProducerApplication.application());
        services.add(producer);
        return this;
    }

    /**
     * Another processor instance, in the same consumer group, with its own state
     * directory.
     */
    ConfigurableApplicationContext startProcessor(String instance) {
        ConfigurableApplicationContext processor = start(EligibilityProcessorApplication.application(),
                "--spring.kafka.streams.state-dir=" + dataDir.resolve(instance), WITHOUT_SECURITY);
        services.add(processor);
        return processor;
    }

    /**
     * The staff console, with one admin who signs in with {@code password}; it answers
     * the processor's requests within 10 s.
     */
    RunningPipeline startConsole(String admin, String password) {
        console = start(StaffConsoleApplication.application(), "--enrollment.console.users[0].username=" + admin,
                "--enrollment.console.users[0].password-hash=" + new BCryptPasswordEncoder(4).encode(password),
                "--enrollment.console.users[0].roles=ADMIN", "--enrollment.console.answer-within=10s");
        services.add(console);
        return this;
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
    }

    /** Where each running service's management endpoints are, by its application name. */
    java.util.Map<String, String> managementUrls() {
        java.util.Map<String, String> urls = new java.util.TreeMap<>();
        for (ConfigurableApplicationContext service : services) {
            urls.put(service.getEnvironment().getRequiredProperty("spring.application.name"),
                    "http://127.0.0.1:" + service.getEnvironment().getRequiredProperty("local.management.port"));
        }
        return urls;
    }

    /**
     * The data keys the services encrypt with, as the notifier reads them (the signup
     * service only makes keys), for a test to read what they wrote.
     */
    DataKeys dataKeys() {
        return notifier.getBean(DataKeys.class);
    }

    String signupUrl() {
        return "http://127.0.0.1:" + producer.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext start(SpringApplication application, String... more) {
        List<String> args = new ArrayList<>(List.of(common));
        args.addAll(extra);
        args.addAll(List.of(more));
        initializers.forEach(application::addInitializers);
        return application.run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }

}
