/**
 * Generates pretty-printed bulk seed files for the benchmark: six attributes of mixed calculation
 * types per user (about 2 KB a user), optionally with 1% of users made invalid in varied ways.
 * mpids are built as text so that 19-digit ids appear exactly.
 */
export interface GenerateOptions {
  users: number;
  /** Fraction of users to break (0.01 = 1%). */
  invalidRate?: number;
}

function mpidText(i: number): string {
  // 19-digit ids above 2^53, built as text.
  return `73462446110${String((12968789 + i * 7919) % 100_000_000).padStart(8, '0')}`;
}

/** User `i`, with flaw 0–4 (see below) or none (-1). */
function user(i: number, flaw: number): string {
  const ts = flaw === 0 ? 1582589378 + i : 1582589378000 + i;
  const sumValue = flaw === 1 ? '"lots"' : String(100.5 + (i % 97));
  const date = flaw === 2 ? '2019-02-30' : '2019-12-01';
  const calcMin = flaw === 3 ? 'minimum' : 'min';
  const idKey = flaw === 4 ? 'ios_idfa' : 'customer_id';
  // Even users are known by mpid, odd ones by identities (identities beside an mpid are ignored).
  const who =
    i % 2 === 0
      ? `"mpid": ${mpidText(i)},`
      : `"identities": {
      "${idKey}": "cust-${i}",
      "email": "user${i}@example.com"
    },`;
  return `  {
    "environment": "development",
    ${who}
    "user_attributes": {
      "workspace": [
        {
          "attribute_name": "User Tier",
          "attribute_value": "${i % 3 === 0 ? 'Gold' : 'Free'}"
        }
      ]
    },
    "calculated_attributes": {
      "workspace": [
        {
          "attribute_name": "LTV",
          "calculation_type": "sum",
          "cutoff_date": "${date}",
          "seed": {
            "value": ${sumValue}
          }
        },
        {
          "attribute_name": "Average Session Length",
          "calculation_type": "average",
          "cutoff_date": "2019-12-01",
          "seed": {
            "key_value_pairs": {
              "sum": ${(299.2 + i).toFixed(1)},
              "count": ${20 + (i % 11)}
            }
          }
        },
        {
          "attribute_name": "Product Interests",
          "calculation_type": "unique_list",
          "cutoff_date": "2019-12-01",
          "seed": {
            "list": [
              "travel",
              "pets",
              "kitchen-${i % 13}"
            ]
          }
        },
        {
          "attribute_name": "Last seen time",
          "calculation_type": "last_occurrence_timestamp",
          "cutoff_date": "2019-12-01",
          "seed": {
            "value": ${ts}
          }
        },
        {
          "attribute_name": "Favorite Item",
          "calculation_type": "most_frequent",
          "cutoff_date": "2019-12-01",
          "seed": {
            "key_value_pairs": {
              "ice cream": ${10 + (i % 5)},
              "steak": 2
            }
          }
        },
        {
          "attribute_name": "Min order",
          "calculation_type": "${calcMin}",
          "cutoff_date": "2019-12-01",
          "seed": {
            "value": ${12 + (i % 40)}
          }
        }
      ]
    }
  }`;
}

export function generateBulk(options: GenerateOptions): string {
  const rate = options.invalidRate ?? 0;
  const every = rate > 0 ? Math.round(1 / rate) : 0;
  const parts: string[] = new Array(options.users);
  // The broken users take the five flaws in turn (user i alone would always give the same one:
  // every broken i is 99 mod 100).
  for (let i = 0; i < options.users; i++)
    parts[i] = user(i, every > 0 && i % every === every - 1 ? Math.floor(i / every) % 5 : -1);
  return `[\n${parts.join(',\n')}\n]\n`;
}
