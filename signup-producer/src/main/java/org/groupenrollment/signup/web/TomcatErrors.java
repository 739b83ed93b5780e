package org.groupenrollment.signup.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any servlet sees them (a NUL or an encoded slash in
 * the path, a header block over the limit) and answers them with its own HTML report,
 * which names the server. Its report valve is replaced by one that answers in this
 * service's words: a problem body, or a short page for a browser.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            host.getPipeline().addValve(new ProblemReportValve());
            // Tomcat adds its own report valve at start-up unless one of this class is
            // there.
            ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ErrorWords words = ErrorWords.of(status);
            boolean browser = String.valueOf(request.getHeader("Accept")).contains(MediaType.TEXT_HTML_VALUE);
            try {
                response.setContentType(browser ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(browser ? page(words) : words.problemJson());
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException ex) {
                // The client is gone or the response is closed: nothing left to tell.
            }
        }

        private static String page(ErrorWords words) {
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + words.title()
                    + "</title></head><body><main><h1>We could not take this request</h1><p>" + words.advice()
                    + " Nothing was saved.</p><p><a href=\"/\">Back to the signup form</a></p></main></body></html>";
        }

    }

}
