package io.dossierpulse.support;

import io.dossierpulse.security.Roles;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of what the API answers rather than who may ask: every RestAssured request of the class
 * carries a real admin token. Who may ask what is SecurityTest's subject.
 */
public final class AsAdmin implements BeforeEachCallback, AfterAllCallback {

    private static final String BEARER = TestTokens.bearer(Roles.ADMIN);

    /** Before each test: by then Quarkus has set RestAssured's port, which the specification captures. */
    @Override
    public void beforeEach(ExtensionContext context) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", BEARER).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.requestSpecification = null;
    }
}
