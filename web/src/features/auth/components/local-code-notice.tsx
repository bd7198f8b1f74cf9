import { Banner } from '../../../components/banner';
import { config } from '../../../config';

/** On the local stack, where to find the emailed code (`what`, e.g. "confirmation code"); nothing elsewhere. */
export function LocalCodeNotice({ what }: { what: string }) {
  if (!config.localStack) return null;
  return (
    <Banner tone="info" title="Running locally">
      {`The ${what} is printed in the dev log (the `}<code>[cognito]</code> lines of <code>pnpm dev</code>).
    </Banner>
  );
}
