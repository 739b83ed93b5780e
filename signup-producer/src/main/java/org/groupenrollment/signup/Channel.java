package org.groupenrollment.signup;

/**
 * How a signup reached us: the service's own form, or another site's form through the
 * API.
 */
public enum Channel {

    WEB_FORM, API

}
