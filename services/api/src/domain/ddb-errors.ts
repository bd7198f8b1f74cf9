// How DynamoDB says a write's condition failed, apart from the models (table.ts) so that code
// using the raw client does not load Dynamoose.
/** DynamoDB's answer when a write's condition does not hold (stale version, wrong state, exists). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

interface CancellationReason {
  Code?: string;
}

/** The reason codes of a cancelled transaction, one per item, or undefined for other errors. */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}
