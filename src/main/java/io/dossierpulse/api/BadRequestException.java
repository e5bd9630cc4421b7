package io.dossierpulse.api;

/** A request parameter is wrong; the message says which and how to fix it. Answered with 400. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
