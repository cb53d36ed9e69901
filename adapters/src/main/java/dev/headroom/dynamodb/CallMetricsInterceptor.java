package dev.headroom.dynamodb;

import dev.headroom.metrics.MetricsRecorder;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Records every HTTP exchange of the DynamoDB client into the adapter's metrics: one call, its
 * request and response body bytes, and its latency from sending to the response headers.
 * The client makes no retries of its own, so one exchange is one attempt.
 */
final class CallMetricsInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> SENT_NANOS =
            new ExecutionAttribute<>("headroom.sentNanos");
    private static final ExecutionAttribute<Long> REQUEST_BYTES =
            new ExecutionAttribute<>("headroom.requestBytes");
    private static final ExecutionAttribute<Boolean> RECORDED =
            new ExecutionAttribute<>("headroom.recorded");

    private final MetricsRecorder metrics;

    CallMetricsInterceptor(MetricsRecorder metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
            ExecutionAttributes attributes) {
        long requestBytes = context.requestBody()
                .flatMap(body -> body.optionalContentLength())
                .orElse(0L);
        attributes.putAttribute(REQUEST_BYTES, requestBytes);
        attributes.putAttribute(RECORDED, Boolean.FALSE);
        attributes.putAttribute(SENT_NANOS, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context,
            ExecutionAttributes attributes) {
        record(attributes, Optional.of(context.httpResponse()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context,
            ExecutionAttributes attributes) {
        if (context.httpResponse().isEmpty()) {
            record(attributes, Optional.empty());
        }
    }

    private void record(ExecutionAttributes attributes, Optional<SdkHttpResponse> response) {
        Long sentNanos = attributes.getAttribute(SENT_NANOS);
        if (sentNanos == null || !Boolean.FALSE.equals(attributes.getAttribute(RECORDED))) {
            return;
        }
        attributes.putAttribute(RECORDED, Boolean.TRUE);
        long responseBytes = response
                .flatMap(r -> r.firstMatchingHeader("Content-Length"))
                .map(Long::parseLong)
                .orElse(0L);
        long latencyMicros = (System.nanoTime() - sentNanos) / 1_000;
        metrics.recordCall(attributes.getAttribute(REQUEST_BYTES) + responseBytes, latencyMicros);
    }
}
