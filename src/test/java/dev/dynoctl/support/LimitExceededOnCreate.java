package dev.dynoctl.support;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Replays DynamoDB's LimitExceededException ("too many table operations at once") on the first {@code times}
 * CreateTable calls. The refused calls never create anything: their request is turned into a harmless
 * DescribeLimits on the way out, and its answer into the service's LimitExceededException on the way back.
 */
public final class LimitExceededOnCreate implements ExecutionInterceptor {
    private final int times;
    private final AtomicInteger refused = new AtomicInteger();

    public LimitExceededOnCreate(int times) {
        this.times = times;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if ("CreateTable".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                && refused.getAndIncrement() < times) {
            return context.httpRequest().toBuilder().putHeader("X-Amz-Target", "DynamoDB_20120810.DescribeLimits").build();
        }
        return context.httpRequest();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith(".DescribeLimits")) {
            return ServiceErrors.replaceWith("LimitExceededException", context, attributes);
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return ServiceErrors.body(context, attributes,
                "Subscriber limit exceeded: Only 500 tables can be created, updated, or deleted simultaneously");
    }

    /** How many CreateTable calls were refused. */
    public int refused() {
        return Math.min(refused.get(), times);
    }
}
