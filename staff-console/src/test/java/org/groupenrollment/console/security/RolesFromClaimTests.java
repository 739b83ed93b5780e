package org.groupenrollment.console.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class RolesFromClaimTests {

    private final RolesFromClaim mapper = new RolesFromClaim("roles");

    @Test
    void theConsolesRolesNamedInTheClaimAreGrantedWhateverTheirCase() {
        assertThat(granted(Map.of("roles", List.of("admin", "STAFF")))).containsExactlyInAnyOrder("ROLE_ADMIN",
                "ROLE_STAFF");
    }

    @Test
    void otherRolesAndOtherAuthoritiesGrantNothing() {
        assertThat(granted(Map.of("roles", List.of("billing", "ROLE_ADMIN")))).isEmpty();
        assertThat(granted(Map.of("groups", List.of("ADMIN")))).isEmpty();
        assertThat(mapper.mapAuthorities(List.of(new SimpleGrantedAuthority("SCOPE_openid")))).isEmpty();
    }

    private List<String> granted(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("token")
            .subject("7f3c")
            .issuedAt(Instant.EPOCH)
            .expiresAt(Instant.EPOCH.plusSeconds(60))
            .claims(all -> all.putAll(claims))
            .build();
        return mapper.mapAuthorities(List.of(new OidcUserAuthority(token)))
            .stream()
            .map(GrantedAuthority::getAuthority)
            .toList();
    }

}
