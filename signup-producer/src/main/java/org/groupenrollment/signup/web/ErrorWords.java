package org.groupenrollment.signup.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * What this service says for each error status, wherever the error is answered (Spring
 * MVC, the servlet container's error dispatch, or Tomcat before a request reaches
 * either): a title, a detail for API clients and a sentence for a person at the form.
 * None of them quotes what was sent, so no error can echo a name, an address or a crafted
 * string.
 */
record ErrorWords(int status, String title, String detail, String advice) {

    static ErrorWords of(int status) {
        return switch (status) {
            case 400 -> new ErrorWords(status, "Bad request",
                    "The request could not be read: its address, headers or body hold characters "
                            + "or parts that are not allowed, or are not encoded as UTF-8.",
                    "Your form could not be read as it was sent.");
            case 403 -> new ErrorWords(status, "Forbidden",
                    "The request did not come from this service's own form, or its form has expired.",
                    "This form has expired, or it was not sent from our signup page.");
            case 404 -> new ErrorWords(status, "Not found", "There is nothing at this address.",
                    "There is no page at this address.");
            case 405 -> new ErrorWords(status, "Method not allowed",
                    "This address does not accept requests of this method.", "This page cannot be used that way.");
            case 406 -> new ErrorWords(status, "Not acceptable",
                    "This address answers in JSON only; accept application/json or application/problem+json.",
                    "This page cannot be shown in the form your browser asked for.");
            case 413 -> new ErrorWords(status, "Request too large",
                    "The body is larger than a signup may be; send only the signup's fields.",
                    "Your form is too large to send.");
            case 415 -> new ErrorWords(status, "Unsupported media type", "Send the signup as application/json.",
                    "Your form was sent in a way we cannot read.");
            case 429 -> new ErrorWords(status, "Too many signups",
                    "Too many signups came from this address in a short time; send again after the "
                            + "seconds in Retry-After.",
                    "Too many signups were sent from your network in a short time. Please wait a few minutes.");
            case 431 -> new ErrorWords(status, "Request headers too large",
                    "The request's headers are larger than this service accepts.",
                    "Your browser sent more than we can read; clearing this site's cookies may help.");
            case 503 -> new ErrorWords(status, "Service unavailable",
                    "The service cannot take requests just now; please try again in a minute.",
                    "We cannot take signups just now.");
            default -> (status >= 500)
                    ? new ErrorWords(status, "Internal error",
                            "Something went wrong on our side. Nothing was saved; please try again in a minute.",
                            "Something went wrong on our side.")
                    : new ErrorWords(status, "Request refused", "The request was refused.",
                            "Your request could not be completed.");
        };
    }

    ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The problem as JSON text, for places without a message converter. The words are
     * this class's own constants, so they need no escaping beyond what they hold (none).
     */
    String problemJson() {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

}
