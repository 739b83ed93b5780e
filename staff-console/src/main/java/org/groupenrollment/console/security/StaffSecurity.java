package org.groupenrollment.console.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may see and do what. Every page needs a signed-in member of staff; capacities,
 * erasures, dead letters and the audit trail need an admin (ADMIN includes STAFF). Forms
 * carry a CSRF token; sessions time out (server.servlet.session.timeout); pages are never
 * cached (Spring Security's default Cache-Control: no-store) and cannot be framed or leak
 * a referrer. A browser that is not signed in is sent to the sign-in page; the JSON
 * overview answers 401 instead. Local users sign in with a password; with an identity
 * provider configured, people can sign in there too (OpenID Connect).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(StaffUsers.class)
class StaffSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    @Bean
    SecurityFilterChain staffPages(HttpSecurity http, StaffUsers users,
            ObjectProvider<ClientRegistrationRepository> identityProviders) throws Exception {
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                .userInfoEndpoint(info -> info.userAuthoritiesMapper(new RolesFromClaim(users.rolesClaim()))));
        }
        return http
            .authorizeHttpRequests(
                    requests -> requests.requestMatchers("/login", "/console.css", "/console.js", "/error")
                        .permitAll()
                        // Health, info and metrics, on the management port only: never
                        // routed to the
                        // internet, and scraped without a session.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .requestMatchers("/dead-letters/**", "/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/groups/*/cohorts/*/capacity", "/groups/*/places/*/erase")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasRole("STAFF"))
            .formLogin(form -> form.loginPage("/login").permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
            .exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .accessDeniedHandler(forbidden()))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()")))
            .build();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_STAFF");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUsers(StaffUsers users, ObjectProvider<ClientRegistrationRepository> identityProviders) {
        if (users.users().isEmpty() && identityProviders.getIfAvailable() == null) {
            throw new IllegalStateException("No staff can sign in: list them under enrollment.console.users, each"
                    + " with a username, a bcrypt password-hash and roles (STAFF, ADMIN), or configure an identity"
                    + " provider (spring.security.oauth2.client.registration.*)");
        }
        return new InMemoryUserDetailsManager(users.users()
            .stream()
            .map(user -> User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                .build())
            .toList());
    }

    /** A 403 as a problem body, naming no resource. */
    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> problem(response, HttpStatus.FORBIDDEN,
                "Your role does not allow this, or the form had expired (sign in again and retry).");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
            .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

}
