package org.groupenrollment.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may use: who is signed in and whether they are an admin (the header),
 * and how times are shown.
 */
@ControllerAdvice
class PageAttributes {

    private static final Times TIMES = new Times();

    @ModelAttribute("times")
    Times times() {
        return TIMES;
    }

    @ModelAttribute("staffId")
    String staffId(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("admin")
    boolean admin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_ADMIN"::equals);
    }

}
