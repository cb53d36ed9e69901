package dev.headroom.dynamodb;

import dev.headroom.ledger.AdmissionGuarantee;
import dev.headroom.ledger.AdmissionOutcome;
import dev.headroom.ledger.ClosedGuard;
import dev.headroom.ledger.InvalidInputException;
import dev.headroom.ledger.LedgerArguments;
import dev.headroom.ledger.RecordOutcome;
import dev.headroom.ledger.StoreUnavailableException;
import dev.headroom.ledger.Transaction;
import dev.headroom.ledger.UsageLedger;
import dev.headroom.metrics.AdapterMetrics;
import dev.headroom.metrics.MetricsRecorder;
import dev.headroom.retry.Retrier;
import dev.headroom.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Usage ledger in one DynamoDB table, through the AWS SDK for Java v2.
 *
 * <p>The table (created in on-demand mode when missing) has the user's email as partition key
 * and {@code T#<timestamp>#<transaction id>} as sort key, one log item per transaction. Each
 * write is a conditional PutItem, so a transaction id at the same timestamp is stored once.
 * The balance follows a {@link BalanceDesign}: a Query sum over all log items, or a running
 * balance item kept in step by conditional writes ({@link RunningBalance} gives the argument
 * that it stays exact across retries and crashes).
 *
 * <p>Every call requests the consumed capacity and adds it to {@link #capacity()}; every HTTP
 * exchange counts in {@link #metrics()}. The SDK's own retries are off: throttled and 5xx
 * calls are retried by the {@link RetryPolicy}, and counted. Thread-safe.
 */
public final class DynamoDbLedger implements UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLedger.class);

    private final ClosedGuard guard = new ClosedGuard("DynamoDB ledger");
    private final DynamoDbClient client;
    private final BalanceDesign design;
    private final MetricsRecorder metrics;
    private final CapacityMeter meter;
    private final LogReader reader;
    private final BalanceStrategy strategy;

    private DynamoDbLedger(Builder builder) {
        this.design = builder.design;
        this.metrics = new MetricsRecorder();
        this.meter = new CapacityMeter();
        this.client = builder.clientWrapper.apply(buildClient(builder, metrics));
        try {
            Retrier retrier = builder.retryPolicy.retrier(TableCalls::classify, metrics);
            try {
                LedgerTableSetup.ensureTable(client, retrier, builder.tableName,
                        builder.activeTimeout);
            } catch (SdkException e) {
                throw new StoreUnavailableException("could not create or describe DynamoDB table "
                        + builder.tableName + ": " + e.getMessage(), e);
            }
            TableCalls calls = new TableCalls(client, retrier, meter);
            this.reader = new LogReader(calls, builder.tableName);
            LedgerItems items = new LedgerItems(builder.clock);
            this.strategy = design == BalanceDesign.RUNNING_BALANCE
                    ? new RunningBalance(calls, reader, items, builder.tableName,
                            builder.afterCommit)
                    : new QuerySumBalance(calls, reader, items, builder.tableName);
        } catch (RuntimeException | Error e) {
            closeAfterFailedStart(client, e);
            throw e;
        }
        LOG.info("DynamoDB ledger started on table {} with the {} design", builder.tableName,
                design);
    }

    /**
     * Closes the client of a ledger whose construction failed with {@code failure}, and adds an
     * error of the close to {@code failure} as suppressed, so the caller sees the first error.
     */
    private static void closeAfterFailedStart(DynamoDbClient client, Throwable failure) {
        try {
            client.close();
        } catch (RuntimeException closeError) {
            failure.addSuppressed(closeError);
        }
    }

    /** Returns a builder; the region is required, every other setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    private static DynamoDbClient buildClient(Builder builder, MetricsRecorder metrics) {
        DynamoDbClientBuilder client = DynamoDbClient.builder()
                .region(builder.region)
                .credentialsProvider(builder.credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new CallMetricsInterceptor(metrics)));
        if (builder.endpoint != null) {
            client.endpointOverride(builder.endpoint);
        }
        return client.build();
    }

    @Override
    public RecordOutcome record(Transaction transaction) {
        guard.requireOpen();
        return strategy.record(LedgerArguments.requireTransaction(transaction));
    }

    @Override
    public long balanceMicros(String userEmail) {
        guard.requireOpen();
        return strategy.balanceMicros(LedgerArguments.requireEmail(userEmail));
    }

    @Override
    public List<Transaction> transactions(String userEmail, Instant from, Instant to) {
        guard.requireOpen();
        LedgerArguments.requireEmail(userEmail);
        LedgerArguments.requireRange(from, to);
        strategy.repair(userEmail);
        return reader.list(userEmail, from, to);
    }

    @Override
    public long countUsers() {
        guard.requireOpen();
        return reader.countUsers();
    }

    /**
     * Stores the usage only if the balance covers it. Under {@link BalanceDesign#RUNNING_BALANCE}
     * the check is the condition {@code balanceMicros >= amount} of the write that debits the
     * balance; under {@link BalanceDesign#QUERY_SUM} it is a separate read before the write.
     */
    @Override
    public AdmissionOutcome admit(Transaction usage) {
        guard.requireOpen();
        return strategy.admit(LedgerArguments.requireUsage(usage));
    }

    @Override
    public AdmissionGuarantee admissionGuarantee() {
        return strategy.guarantee();
    }

    /**
     * Completes a transaction of this user that a failed process committed to the running
     * balance but did not finish writing. Returns whether there was one; always {@code false}
     * in the sum design, which has no two-step write.
     */
    public boolean repair(String userEmail) {
        guard.requireOpen();
        return strategy.repair(LedgerArguments.requireEmail(userEmail));
    }

    /** Returns the balance design of this ledger. */
    public BalanceDesign design() {
        return design;
    }

    @Override
    public AdapterMetrics metrics() {
        return metrics;
    }

    /** Returns the capacity units that DynamoDB reported for this ledger's calls. */
    public CapacityMeter capacity() {
        return meter;
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        client.close();
        LOG.info("DynamoDB ledger stopped");
    }

    /** Settings of a {@link DynamoDbLedger}. */
    public static final class Builder {
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentials;
        private String tableName = "headroom-ledger";
        private BalanceDesign design = BalanceDesign.RUNNING_BALANCE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Runnable afterCommit = () -> { };
        private Clock clock = Clock.systemUTC();
        private Duration activeTimeout = LedgerTableSetup.ACTIVE_TIMEOUT;
        private UnaryOperator<DynamoDbClient> clientWrapper = UnaryOperator.identity();

        private Builder() {
        }

        /**
         * Sets the endpoint, such as {@code http://127.0.0.1:8000} for a local server. Without
         * it the client uses the region's public DynamoDB endpoint.
         */
        public Builder endpoint(URI uri) {
            this.endpoint = Objects.requireNonNull(uri, "endpoint");
            return this;
        }

        /** Sets the AWS region, such as {@code us-east-1}; required. */
        public Builder region(String regionId) {
            this.region = Region.of(Objects.requireNonNull(regionId, "region"));
            return this;
        }

        /**
         * Sets the credentials. Without it the SDK's default chain applies (environment,
         * system properties, profile files, then container and instance metadata).
         */
        public Builder credentials(AwsCredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "credentials");
            return this;
        }

        /** Sets the table name; {@code headroom-ledger} by default. */
        public Builder tableName(String name) {
            if (name == null || !name.matches("[a-zA-Z0-9_.-]{3,255}")) {
                throw new InvalidInputException("table name '" + name + "' is invalid; use 3 to"
                        + " 255 letters, digits, '_', '-' or '.'");
            }
            this.tableName = name;
            return this;
        }

        /** Sets the balance design; {@link BalanceDesign#RUNNING_BALANCE} by default. */
        public Builder design(BalanceDesign balanceDesign) {
            this.design = Objects.requireNonNull(balanceDesign, "design");
            return this;
        }

        /** Sets the retries of throttled and transient failures. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Sets the clock that stamps each log item's {@code recordedAt}, which orders
         * transactions with equal timestamps in the sum design; the system clock by default.
         */
        public Builder clock(Clock recordClock) {
            this.clock = Objects.requireNonNull(recordClock, "clock");
            return this;
        }

        /** Sets code that runs between a running-balance commit and its log-item write. */
        Builder afterCommit(Runnable hook) {
            this.afterCommit = Objects.requireNonNull(hook, "afterCommit");
            return this;
        }

        /** Sets the maximum wait for the table to become ACTIVE, 2 minutes by default. */
        Builder activeTimeout(Duration timeout) {
            this.activeTimeout = Objects.requireNonNull(timeout, "activeTimeout");
            return this;
        }

        /** Sets a function that wraps the SDK client the ledger builds, as tests do. */
        Builder clientWrapper(UnaryOperator<DynamoDbClient> wrapper) {
            this.clientWrapper = Objects.requireNonNull(wrapper, "clientWrapper");
            return this;
        }

        /**
         * Builds the ledger, creating the table when it is missing.
         *
         * @throws InvalidInputException if no region was set
         * @throws StoreUnavailableException if the table cannot be described or created, or
         *     does not become ACTIVE in time. Any failure closes the SDK client first.
         * @throws dev.headroom.ledger.ThrottledException if DynamoDB throttled the table setup
         *     until the retry policy gave up
         */
        public DynamoDbLedger build() {
            if (region == null) {
                throw new InvalidInputException("the DynamoDB region is missing; set it with"
                        + " region(\"us-east-1\") or the region of your table");
            }
            if (credentials == null) {
                credentials = DefaultCredentialsProvider.builder().build();
            }
            return new DynamoDbLedger(this);
        }
    }
}
