package org.groupenrollment.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks Confluent's schema registry REST API over HTTP. Retries only what may succeed on
 * a second try, I/O errors and 5xx answers, moving to the next URL of the list; a 4xx
 * answer is the registry's verdict and is reported at once. Holds no cache: see
 * {@link CachingSchemaRegistryClient}.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;

    private final AtomicInteger currentUrl = new AtomicInteger();

    private final AvroSerdeConfig config;

    private final HttpClient http;

    private final String authorization;

    RestSchemaRegistryClient(AvroSerdeConfig config) {
        this.config = config;
        this.baseUrls = config.registryUrls()
            .stream()
            .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
            .toList();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.authorization = config.basicAuthUserInfo() == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    }

    @Override
    public int lookUpId(String subject, Schema schema) {
        return send("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        return parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(answer.path("id").asInt(), parse(answer.path("schema").asText()));
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException lastFailure = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            String baseUrl = baseUrls.get(Math.floorMod(currentUrl.get(), baseUrls.size()));
            try {
                HttpResponse<String> response = http.send(request(method, baseUrl + path, body),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                lastFailure = failure(method, path, response);
                if (response.statusCode() < 500) {
                    throw lastFailure;
                }
            }
            catch (IOException ex) {
                lastFailure = new SchemaRegistryException(
                        "Schema registry at " + baseUrl + " unreachable for " + method + " " + path, ex);
                currentUrl.incrementAndGet();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry", ex);
            }
            log.debug("Schema registry call {} {} failed (attempt {}), retrying", method, path, attempt + 1,
                    lastFailure);
        }
        throw lastFailure;
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
            .timeout(config.readTimeout())
            .header("Accept", CONTENT_TYPE + ", application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static SchemaRegistryException failure(String method, String path, HttpResponse<String> response) {
        int errorCode = response.statusCode();
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            errorCode = error.path("error_code").asInt(errorCode);
            message = error.path("message").asText(message);
        }
        catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new SchemaRegistryException(response.statusCode(), errorCode, method + " " + path + " answered "
                + response.statusCode() + " (error code " + errorCode + "): " + message);
    }

    private void backOff(int attempt) {
        long millis = config.retryBackoff().toMillis() << Math.min(attempt - 1, 10);
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while backing off from the schema registry", ex);
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
