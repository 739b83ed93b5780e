package org.groupenrollment.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show a time ({@code ${times.show(t)}}): to the second, in UTC, said so. */
public final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    public String show(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

}
