/**
 * Fast model of the DynamoDB usage ledger: request units from item sizes, the balance read of
 * each design, the per-partition-key throughput ceiling, storage, and the on-demand bill. The
 * plan's last phase, a DAX read cache and archiving old items to S3, is optional.
 *
 * <p>Capacity-unit arithmetic comes from {@code dev.headroom.dynamodb.CapacityUnits} in the
 * adapters module, so the model and the DynamoDB ledger charge the same units.
 */
package dev.headroom.model.dynamodb;
