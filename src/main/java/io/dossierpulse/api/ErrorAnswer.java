package io.dossierpulse.api;

/** Every error of the API, whatever its status: what is wrong, for a person (and the OpenAPI document). */
public record ErrorAnswer(String error) {
}
