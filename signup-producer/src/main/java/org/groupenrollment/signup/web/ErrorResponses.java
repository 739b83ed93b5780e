package org.groupenrollment.signup.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that ends in the servlet container's error dispatch rather than in a
 * controller (Spring Security's 403 for a form without its token, Tomcat's refusal of a
 * form body it cannot decode or that is too large, a 405 for TRACE, a 404, an unhandled
 * exception) is answered here: a problem body for the API and the actuator, the form's
 * own page for everything else. Replaces Boot's error controller, whose default JSON and
 * "Whitelabel" page are neither.
 */
@Controller
class ErrorResponses implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        ErrorWords words = ErrorWords.of(statusOf(request));
        if (isForMachines(request)) {
            return ResponseEntity.status(words.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body((ProblemDetail) words.problem());
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("error", words);
        page.setStatus(HttpStatusCode.valueOf(words.status()));
        return page;
    }

    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return (status instanceof Integer code && code >= 400) ? code : 500;
    }

    private static boolean isForMachines(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = (path instanceof String text) ? text : "";
        return uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/actuator");
    }

}
