package dev.dynoctl.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns an emulator's HTTP answer into one of DynamoDB's real error answers (HTTP 400, the AWS JSON protocol's
 * {@code __type} body), for interceptors that replay what the service does and the emulator does not.
 */
final class ServiceErrors {
    /** Set on a call whose answer is being replaced; holds the error type. */
    private static final ExecutionAttribute<String> REPLACED = new ExecutionAttribute<>("dynoctl.test.replacedWithError");

    private ServiceErrors() {
    }

    static SdkHttpResponse replaceWith(String errorType, Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        attributes.putAttribute(REPLACED, errorType);
        return context.httpResponse().toBuilder()
                .statusCode(400)
                .removeHeader("x-amz-crc32")
                .removeHeader("Content-Length")
                .putHeader("x-amzn-ErrorType", errorType)
                .build();
    }

    /** The replacement body, for calls marked by {@link #replaceWith}; else the original body. */
    static Optional<InputStream> body(Context.ModifyHttpResponse context, ExecutionAttributes attributes, String message) {
        String errorType = attributes.getAttribute(REPLACED);
        if (errorType == null) {
            return context.responseBody();
        }
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"" + message + "\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
