package org.groupenrollment.console.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The console's real security, for slice tests of other packages. */
@TestConfiguration(proxyBeanMethods = false)
@Import(StaffSecurity.class)
public class TestSecurity {

}
