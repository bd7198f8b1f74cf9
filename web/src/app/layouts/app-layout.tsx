import { lazy, Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { Logo, NoteIcon, SearchIcon, SettingsIcon, SignOutIcon, TrashIcon } from '../../components/icons';
import { PageSpinner } from '../../components/page-spinner';
import { CodeIcon } from '../../features/developer/components/code-icon';
import { HealthIndicator } from '../../features/health/components/health-indicator';
import { useSession } from '../../lib/auth/use-session';
import { session } from '../../lib/session';
import { useHotkey } from '../../lib/use-hotkey';
import styles from './app-layout.module.css';

const KeyboardShortcuts = lazy(() => import('../../components/keyboard-shortcuts'));
const SearchDialog = lazy(() => import('../../features/search/components/search-dialog'));

/** The main navigation of a signed-in user. */
const sections = [
  { to: '/notes', label: 'Notes', Icon: NoteIcon },
  { to: '/trash', label: 'Trash', Icon: TrashIcon },
  { to: '/developer', label: 'Developer', Icon: CodeIcon },
  { to: '/settings', label: 'Settings', Icon: SettingsIcon },
];

export function AppLayout() {
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = state.status === 'signedIn';

  useHotkey('n', () => navigate('/notes/new'), signedIn);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useHotkey('?', () => setShortcutsOpen(true));
  const [searchOpen, setSearchOpen] = useState(false);
  useHotkey('/', () => setSearchOpen(true), signedIn);

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <Link to={signedIn ? '/notes' : '/'} aria-label="Jotter" className={styles.brand}>
          <Logo />
          <span className={styles.brandName}>Jotter</span>
        </Link>
        {signedIn && (
          <nav className={styles.nav} aria-label="Main">
            {sections.map(({ to, label, Icon }) => (
              <NavLink key={to} to={to} aria-label={label} className={({ isActive }) => [styles.navLink, isActive ? styles.active : ''].join(' ')}>
                <Icon />
                <span>{label}</span>
              </NavLink>
            ))}
          </nav>
        )}
        <div className={styles.spacer} />
        {signedIn && (
          <Button variant="ghost" size="sm" icon={<SearchIcon />} onClick={() => setSearchOpen(true)} aria-keyshortcuts="/" title="Search all notes (/)" className={styles.searchButton}>
            <span className={styles.searchLabel}>Search</span>
            <kbd className={styles.searchKbd} aria-hidden>
              /
            </kbd>
          </Button>
        )}
        {signedIn ? (
          <div className={styles.account}>
            <span className={styles.avatar} aria-hidden>
              {state.email.slice(0, 1).toUpperCase()}
            </span>
            <span className={styles.email} title={state.email} data-testid="signed-in-email">
              {state.email}
            </span>
            <Button
              variant="ghost"
              size="sm"
              icon={<SignOutIcon />}
              onClick={() => {
                // RequireAuth takes the user to /sign-in once the session is gone.
                session.signOut('user');
                if (!location.pathname.startsWith('/notes') && !location.pathname.startsWith('/trash')) navigate('/sign-in', { replace: true, state: { notice: 'You signed out. See you soon.' } });
              }}
              aria-label="Sign out"
              className={styles.signOut}
            >
              <span className={styles.signOutLabel}>Sign out</span>
            </Button>
          </div>
        ) : (
          <Link to="/sign-in" className={styles.signIn}>
            Sign in
          </Link>
        )}
      </header>
      {/* Focusable (not tabbable): the skip link's target, and where focus goes when its element leaves. */}
      <main id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className={styles.footer}>
        <HealthIndicator compact />
        <span className={styles.footerHint}>
          Press <kbd>n</kbd> for a new note, <kbd>/</kbd> to search, <kbd>?</kbd> for all shortcuts
        </span>
      </footer>
      {searchOpen && (
        <Suspense fallback={null}>
          <SearchDialog
            onClose={() => setSearchOpen(false)}
            onOpenNote={(noteId) => {
              setSearchOpen(false);
              navigate(`/notes/${noteId}`);
            }}
          />
        </Suspense>
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <KeyboardShortcuts onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
