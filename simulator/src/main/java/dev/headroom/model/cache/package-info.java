/**
 * A Redis balance cache in front of a Sheets ledger model, as the plan's Google Sheets plus
 * ElastiCache option describes it: reads check the cache first, writes go to Sheets and then
 * invalidate or update the user's entry.
 */
package dev.headroom.model.cache;
