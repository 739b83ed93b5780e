package org.groupenrollment.events.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRulesTests {

    @ParameterizedTest
    @ValueSource(strings = { "Maya", "Jean-Luc", "O'Brien", "O\u2019Brien", "J. R.", "Zo\u00eb", "Jos\u0065\u0301",
            "\u674e\u5c0f\u9f8d", "\u0645\u062d\u0645\u062f", "\u0410\u043d\u043d\u0430", "Nguy\u1ec5n Th\u1ecb" })
    void namesOfEveryScriptWithTheirMarksArePersonNames(String name) {
        assertThat(ContactRules.isPersonName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "Bob\r\nBcc: eve@example.org", "Bob\nSmith", "Bob\u0000", "Bob\u001b[31m",
            "\u202eevil", "Bob\u200b", "\u200b\u200d\ufeff", "\u00a0", "\u3164", "\u3164\u3164", "Maya  Lind", " Maya",
            "Maya ", "R2D2", "<script>", "maya@example.org" })
    void namesThatBreakLinesHideThemselvesOrHoldOtherSignsAreRefused(String name) {
        assertThat(ContactRules.isPersonName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "maya@example.org", "maya.lindqvist+groups@mail.example.co.uk", "o'brien@example.ie",
            "x@xn--bcher-kva.example" })
    void addressesTheMailerCanSendToAreSendable(String email) {
        assertThat(ContactRules.isSendableEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "x@exa_mple.org", "x@exa\u200bmple.org", "maya@example", "maya.example.org",
            "maya@@example.org", ".maya@example.org", "maya.@example.org", "ma..ya@example.org", "maya@-example.org",
            "maya@example.org\r\nBcc: eve@example.org", "\"quoted\"@example.org", "maya@[127.0.0.1]",
            "m\u00e4ya@example.org", "maya@b\u00fccher.example" })
    void addressesTheMailerCouldNotSendToAreRefused(String email) {
        assertThat(ContactRules.isSendableEmail(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 101, 1000 })
    void namesLongerThan100CharactersAreRefused(int length) {
        assertThat(ContactRules.isPersonName("a".repeat(length))).isFalse();
    }

}
