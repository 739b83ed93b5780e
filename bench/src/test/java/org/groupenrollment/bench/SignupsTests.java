package org.groupenrollment.bench;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groupenrollment.events.SignupSubmitted;
import org.groupenrollment.events.config.EnrollmentSecrets;
import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.contact.ContactRules;
import org.groupenrollment.events.contact.PersonKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The load is only a measure of the pipeline if the pipeline accepts it. */
class SignupsTests {

    private static final Pattern FIELD = Pattern.compile("\"(firstName|lastName|email)\":\"([^\"]*)\"");

    @ParameterizedTest
    @ValueSource(ints = { 0, 7, 12, 99_999, 1_234_567 })
    void everyGeneratedSignupHasNamesAndAnAddressThePipelineAccepts(int i) {
        Matcher fields = FIELD.matcher(Signups.json(i, "ingest"));
        int found = 0;
        while (fields.find()) {
            found++;
            String value = fields.group(2);
            assertThat(fields.group(1).equals("email") ? ContactRules.isSendableEmail(value)
                    : ContactRules.isPersonName(value))
                .as("%s %s", fields.group(1), value)
                .isTrue();
        }
        assertThat(found).isEqualTo(3);
        PersonKeys keys = new PersonKeys(HmacKeys
            .from(new EnrollmentSecrets(Base64.getEncoder().encodeToString(new byte[32]), List.of()), null, true));
        SignupSubmitted event = Signups.number(i, keys);
        assertThat(ContactRules.isPersonName(event.getApplicant().getFirstName())).isTrue();
        assertThat(ContactRules.isSendableEmail(event.getApplicant().getEmail())).isTrue();
        assertThat(event.getPersonKeys()).isEqualTo(keys.candidates(event.getApplicant().getEmail()));
    }

}
