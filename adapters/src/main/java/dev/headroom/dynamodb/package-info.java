/**
 * The DynamoDB usage ledger and DynamoDB's capacity rules (item sizes, read and write units,
 * Query pages, per-partition ceilings), which the simulator's DynamoDB model shares.
 */
package dev.headroom.dynamodb;
