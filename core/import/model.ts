/**
 * The mapping file (`*.caseed-map.json`, schema `schemas/caseed-map.schema.json`): what each column
 * of a warehouse export means. Its in-memory form keeps the file's own names.
 */

/** How a timestamp column is written; every one becomes Unix epoch milliseconds. */
export type TimestampFormat = 'epoch_ms' | 'epoch_s' | 'iso8601';
/** How a list column is written: a JSON array, or values joined by `delimiter`. */
export type ListFormat = 'json_array' | 'delimited';

export interface CaMapping {
  /** The calculated attribute's name (as in the workspace). */
  name: string;
  /** May be left out when a definitions file names the attribute. */
  calculation_type?: string;
  /** yyyy-MM-dd; may be left out when a definitions file gives it. */
  cutoff_date?: string;
  /** The column the seed comes from (every type except `average`). */
  column?: string;
  /** `average`: the column holding the sum. */
  sum_column?: string;
  /** `average`: the column holding the count. */
  count_column?: string;
  /** `*_timestamp` types: how the column is written. */
  timestamp?: TimestampFormat;
  /** `unique_list`, `unique_values_count`: how the column is written (default `json_array`). */
  list?: ListFormat;
  /** The separator of a `delimited` list (default `|`). */
  delimiter?: string;
}

export interface UserAttributeMapping {
  name: string;
  column: string;
}

export interface MappingFile {
  $schema?: string;
  /** `production` / `development`, or the column that holds it per row. */
  environment?: string | { column: string };
  /** The column holding the mpid (64-bit, kept as text). */
  mpid?: string;
  /**
   * Identity columns: a list of column names (each recognised from its spelling, case-insensitively),
   * or an object from seeding identity name to column. Left out: every recognised column is used.
   */
  identities?: string[] | Record<string, string>;
  calculated_attributes: CaMapping[];
  user_attributes?: UserAttributeMapping[];
}

/** The file-name suffix of a mapping file. */
export const MAPPING_SUFFIX = '.caseed-map.json';
