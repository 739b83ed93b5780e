package org.groupenrollment.pipeline.idp;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider (Spring Authorization Server) for the console's sign-in
 * tests: one client, the console, and two people: {@value #ADMIN}, whose ID token says
 * {@code "roles": ["ADMIN"]}, and {@value #NO_ROLE}, whom it gives no console role.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestIdentityProvider {

    public static final String ADMIN = "kim";

    public static final String NO_ROLE = "pat";

    public static final String PASSWORD = "identity-provider-password";

    public static final String CLIENT_ID = "staff-console";

    public static final String CLIENT_SECRET = "staff-console-secret";

    /** Starts on a free port, with the console's sign-in return address registered. */
    public static ConfigurableApplicationContext start(String consoleRedirectUri) {
        SpringApplication application = new SpringApplication(TestIdentityProvider.class);
        String client = "spring.security.oauth2.authorizationserver.client.console.";
        application.setDefaultProperties(Map.of("spring.config.name", "test-identity-provider",
                // Only the authorization server: the pipeline's other parts share this
                // classpath.
                "spring.autoconfigure.exclude",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration,"
                        + "org.groupenrollment.events.config.EnrollmentAutoConfiguration",
                "spring.thymeleaf.check-template-location", "false"));
        return application.run("--server.port=0", "--server.address=127.0.0.1",
                "--" + client + "registration.client-id=" + CLIENT_ID,
                "--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
                "--" + client + "registration.client-authentication-methods=client_secret_basic",
                "--" + client + "registration.authorization-grant-types=authorization_code",
                "--" + client + "registration.redirect-uris=" + consoleRedirectUri,
                "--" + client + "registration.scopes=openid", "--" + client + "require-authorization-consent=false");
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(
                User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("ADMIN").build(),
                User.withUsername(NO_ROLE).password("{noop}" + PASSWORD).roles("VISITOR").build());
    }

    /**
     * The person's roles, without Spring's prefix, in the ID token's {@code roles} claim.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesInTheIdToken() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                List<String> roles = context.getPrincipal()
                    .getAuthorities()
                    .stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .toList();
                context.getClaims().claim("roles", roles);
            }
        };
    }

}
