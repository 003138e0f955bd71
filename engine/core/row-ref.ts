// A reference to one table row (table and key): what rowsTouched lists for the store to write with the journal entry.
import type { TableName } from './state.ts';

export type RowRef = readonly [TableName, string | number];
