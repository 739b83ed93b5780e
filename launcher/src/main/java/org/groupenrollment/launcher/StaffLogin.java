package org.groupenrollment.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The local run's one staff console user: {@value #USERNAME}, an admin, with a random
 * password made on first start and kept, readable by this user only, in the data folder
 * (a deployment lists its own users with bcrypt hashes instead). The console is given
 * only the hash.
 */
record StaffLogin(String username, String password, Path passwordFile) {

    static final String USERNAME = "admin";

    static StaffLogin adminIn(Path dataDir) {
        Path file = dataDir.resolve("staff-console").resolve("admin-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, randomPassword() + "\n", StandardCharsets.UTF_8);
            }
            return new StaffLogin(USERNAME, Files.readString(file, StandardCharsets.UTF_8).strip(), file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep the staff console's admin password in " + file, ex);
        }
    }

    /** The console's settings for this user: its name, the password's hash, its role. */
    List<String> consoleArguments() {
        return List.of("--enrollment.console.users[0].username=" + username,
                "--enrollment.console.users[0].password-hash=" + new BCryptPasswordEncoder(12).encode(password),
                "--enrollment.console.users[0].roles=ADMIN");
    }

    /** 120 random bits, URL-safe: easy to paste, never guessed. */
    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
