package org.groupenrollment.signup.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API's OpenAPI description at {@code /v3/api-docs} (springdoc reads the
 * controllers; this adds what they cannot say), and the words each problem answer is
 * documented with. Every error is an RFC 9457 problem ({@code application/problem+json}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "application/problem+json";

    static final String INVALID = "A field is missing or invalid (errors name each field), or the body is not JSON";

    static final String TOO_LARGE = "The body is over the limit (16 KiB)";

    static final String NOT_JSON = "The body is not application/json";

    static final String KEY_REUSED = "The Idempotency-Key was already used for a different signup";

    static final String TOO_MANY = "Too many signups from this network; try again after Retry-After";

    static final String UNAVAILABLE = "The broker did not take it in time; nothing was published; retry";

    static final String NOT_A_PLACE = "Not a link to a place (or altered), or the place is still being recorded";

    static final String EXPIRED = "The link has expired; the most recent email about the place carries a new one";

    @Bean
    OpenAPI enrollmentApi() {
        return new OpenAPI().info(new Info().title("Group enrollment API")
            .version("1")
            .description("Signups for the provider's therapy groups, and a person's place in one, by the link in "
                    + "their emails. Errors are RFC 9457 problems."));
    }

    /**
     * Every 4xx and 5xx answer the controllers document is an RFC 9457 problem: said once
     * here instead of on each of their annotations (springdoc would otherwise describe
     * the advice's answers as plain JSON).
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            ModelConverters.getInstance().read(Problem.class).forEach(api.getComponents()::addSchemas);
            Content problem = new Content().addMediaType(PROBLEM, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + Problem.class.getSimpleName())));
            api.getPaths()
                .values()
                .stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getResponses().entrySet().stream())
                .filter(answer -> answer.getKey().matches("[45]\\d\\d"))
                .forEach(answer -> answer.getValue().setContent(problem));
        };
    }

    /** An RFC 9457 problem as this API writes it. */
    record Problem(URI type, String title, int status, String detail, URI instance, List<Map<String, String>> errors,
            String reason) {
    }

}
