package io.dossierpulse.support;

import io.dossierpulse.security.Roles;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of what the API answers rather than who may ask: every RestAssured request of the class
 * carries a real admin token. Who may ask what is SecurityTest's subject.
 */
public final class AsAdmin implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", TestTokens.bearer(Roles.ADMIN)).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.requestSpecification = null;
    }
}
