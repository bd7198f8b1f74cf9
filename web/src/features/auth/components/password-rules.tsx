import { CheckIcon } from '../../../components/icons';
import { passwordRules } from '../../../lib/auth/auth-errors';
import styles from './auth.module.css';

/** The pool's password policy as a live checklist. */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  return (
    <ul className={styles.rules} id={id} aria-label="Password requirements">
      {passwordRules.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.id} className={[styles.rule, met ? styles.ruleMet : ''].join(' ')}>
            {met ? <CheckIcon width={16} height={16} aria-hidden /> : <span className={styles.dot} aria-hidden />}
            <span>
              {rule.label}
              <span className="visually-hidden">{met ? ' (done)' : ' (missing)'}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
