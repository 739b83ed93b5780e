package org.groupenrollment.events.contact;

import java.util.regex.Pattern;

/**
 * What a name and an email address may hold, the same for the form that takes them, the
 * processor that re-checks what it reads, and the notifier that writes them into an
 * email. A name that could break a header line or hide itself, or an address the mailer
 * could not send to, is refused where it is typed, naming the field, instead of failing
 * later where nobody can correct it.
 */
public final class ContactRules {

    public static final int NAME_MAX_LENGTH = 100;

    public static final int EMAIL_MAX_LENGTH = 254;

    /**
     * Letters of every script with their marks, single spaces between words, and the
     * apostrophes, hyphens and periods names hold (O'Brien, Jean-Luc, J. R.). Nothing
     * else: no digits, no control characters (CR, LF, NUL, ESC), no invisible or
     * direction-changing format characters.
     */
    private static final Pattern NAME = Pattern
        .compile("[\\p{L}\\p{M}'\u2019\\-\u2010.]+( [\\p{L}\\p{M}'\u2019\\-\u2010.]+)*");

    /**
     * Letters that render as nothing: a name made of them would be blank on the page and
     * in the email.
     */
    private static final Pattern BLANK_LETTERS = Pattern.compile("[\u115F\u1160\u3164\uFFA0]");

    /**
     * A dot-atom local part and a domain of ASCII labels (an international domain in its
     * xn-- form): what Jakarta Mail's strict parser accepts and SMTP servers deliver,
     * minus the exotic forms (quoted local parts, address literals) no signup needs.
     */
    private static final Pattern EMAIL = Pattern
        .compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

    private ContactRules() {
    }

    public static boolean isPersonName(String name) {
        return name != null && name.length() <= NAME_MAX_LENGTH && NAME.matcher(name).matches()
                && !BLANK_LETTERS.matcher(name).find() && name.codePoints().anyMatch(Character::isLetter);
    }

    public static boolean isSendableEmail(String email) {
        return email != null && email.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(email).matches();
    }

}
