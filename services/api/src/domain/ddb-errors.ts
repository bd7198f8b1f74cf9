// How DynamoDB says a write failed, and the retry of transactions that lost a race: apart from
// the models (table.ts) so that code using the raw client does not load Dynamoose.

/**
 * Runs a transaction, retrying when it lost a race with another transaction on the same items
 * (TransactionConflict): the conditions decide, never the timing. A failed condition is thrown
 * at once (cancellationReasons tells which item's).
 */
export async function retryingConflicts(run: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      const conflict = reasons?.includes('TransactionConflict') && !reasons.includes('ConditionalCheckFailed');
      if (!conflict || attempt >= 6) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20 * 2 ** attempt));
    }
  }
}

/** DynamoDB's answer when a write's condition does not hold (stale version, wrong state, exists). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

interface CancellationReason {
  Code?: string;
  /** The item as it was, for a write that asked for it (ReturnValuesOnConditionCheckFailure). */
  Item?: Record<string, { N?: string }>;
}

function reasonsOf(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** The reason codes of a cancelled transaction, one per item, or undefined for other errors. */
export function cancellationReasons(error: unknown): string[] | undefined {
  return reasonsOf(error)?.map((r) => r.Code ?? 'None');
}

/** The `index`th item of a cancelled transaction as it was, when that write asked for it. */
export function cancelledItem(error: unknown, index: number): CancellationReason['Item'] {
  return reasonsOf(error)?.[index]?.Item;
}
