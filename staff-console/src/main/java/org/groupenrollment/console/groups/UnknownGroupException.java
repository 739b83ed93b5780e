package org.groupenrollment.console.groups;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 404 problem for a group or place this console does not know. */
class UnknownGroupException extends ErrorResponseException {

    UnknownGroupException(String what) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what), null);
    }

}
