package dev.dynoctl.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Real DynamoDB may answer DescribeTable with ResourceNotFoundException for a few seconds after CreateTable
 * (its metadata is eventually consistent). This interceptor replays that on DynamoDB Local: for {@code window}
 * after our CreateTable, DescribeTable's HTTP answer becomes the service's real 400 ResourceNotFoundException.
 */
public final class NotFoundAfterCreate implements ExecutionInterceptor {
    private static final String BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
            + "\"message\":\"Requested resource not found\"}";
    private final Duration window;
    private volatile long createdAt = -1;
    private final AtomicInteger notFoundAnswers = new AtomicInteger();

    public NotFoundAfterCreate(Duration window) {
        this.window = window;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if ("CreateTable".equals(operation)) {
            createdAt = System.nanoTime();
        }
        if (!hiding(operation)) {
            return context.httpResponse();
        }
        notFoundAnswers.incrementAndGet();
        return context.httpResponse().toBuilder()
                .statusCode(400)
                .removeHeader("x-amz-crc32")
                .putHeader("Content-Length", Integer.toString(BODY.length()))
                .putHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (context.httpResponse().statusCode() == 400 && "ResourceNotFoundException".equals(
                context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""))) {
            return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }

    private boolean hiding(String operation) {
        return "DescribeTable".equals(operation) && createdAt >= 0 && System.nanoTime() - createdAt < window.toNanos();
    }

    public int notFoundAnswers() {
        return notFoundAnswers.get();
    }
}
