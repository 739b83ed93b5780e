package org.groupenrollment.signup.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Nobody signs in here, so this is not about users: it keeps other sites from acting
 * through a visitor's browser. The form carries a CSRF token and cannot be framed; the
 * JSON API needs no token (a browser cannot send JSON across sites without asking first)
 * and answers other sites' pages only if their origin is on the allow-list. Every page is
 * sent with headers that keep what it shows (a person's name and address) out of caches,
 * referrers and other origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(WebSecurity.Settings.class)
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    @Bean
    SecurityFilterChain signupPages(HttpSecurity http, Settings settings) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
            .cors(cors -> cors.configurationSource(apiOrigins(settings)))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()")))
            .requestCache(cache -> cache.disable())
            .build();
    }

    /**
     * A request the firewall refuses (control characters in a header, an encoded slash or
     * backslash in the path...) gets the service's problem body for a 400, like every
     * other error, naming no value.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(ErrorWords.of(HttpStatus.BAD_REQUEST.value()).problemJson());
        };
    }

    private static UrlBasedCorsConfigurationSource apiOrigins(Settings settings) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(settings.corsAllowedOrigins());
        api.setAllowedMethods(List.of("POST", "GET"));
        api.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key"));
        api.setExposedHeaders(List.of("Location", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }

    /**
     * The origins whose pages may call the JSON API from a browser; none unless
     * configured.
     */
    @ConfigurationProperties("enrollment.web")
    record Settings(@DefaultValue List<String> corsAllowedOrigins) {
    }

}
