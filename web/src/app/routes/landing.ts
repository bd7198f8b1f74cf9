// The pages a visit starts on, as one chunk that index.html preloads in parallel with the app
// chunk (vite.config.ts): the auth pages (a signed-out visitor) and the notes pages (a signed-in
// one). One request instead of one per page; the part a visitor does not need costs ~5 kB gzip,
// less than a round trip on a slow link.
export { default as ConfirmPage } from './auth/confirm';
export { default as ForgotPasswordPage } from './auth/forgot-password';
export { default as ResetPasswordPage } from './auth/reset-password';
export { default as SignInPage } from './auth/sign-in';
export { default as SignUpPage } from './auth/sign-up';
export { default as NoteHistoryPage } from './notes/history';
export { default as NotePage } from './notes/note';
export { default as NotesIndexPage } from './notes/notes-index';
export { default as NotesLayout } from './notes/notes-layout';
