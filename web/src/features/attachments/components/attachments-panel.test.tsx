import type { CreateAttachmentResponse } from '@jotter/shared/attachments';
import type { Attachment } from '@jotter/shared/notes';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastProvider } from '../../../components/toast';
import { attachmentsApi } from '../api/attachments-api';
import AttachmentsPanel from './attachments-panel';

// The real module reads import.meta.env through lib/api → config.
jest.mock('../api/attachments-api', () => ({
  attachmentsApi: { declare: jest.fn(), download: jest.fn(), remove: jest.fn(), getNote: jest.fn() },
}));
const api = jest.mocked(attachmentsApi);

const NOTE = '11111111-1111-4111-8111-111111111111';
const MB = 1024 * 1024;

/** Stands in for XMLHttpRequest: records the form, and the test drives progress and the answer. */
class FakeXhr {
  static all: FakeXhr[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  body: FormData | null = null;
  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, text = '') {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const bigFile = (name: string, size: number, type: string) => {
  const f = new File(['hello'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

let seq = 0;
const declared = (body: { fileName: string; contentType: string; size: number }): CreateAttachmentResponse => ({
  attachment: { attachmentId: `a${++seq}`, ...body, status: 'pending', createdAt: new Date().toISOString() },
  uploadUrl: 'http://s3.test/bucket',
  uploadMethod: 'POST',
  uploadFields: { key: `u/${NOTE}/a${seq}`, 'Content-Type': body.contentType, Policy: 'policy' },
  expiresAt: new Date().toISOString(),
});

function renderPanel(attachments: Attachment[] = []) {
  const slot = document.createElement('div');
  const target = document.createElement('article');
  document.body.append(slot, target);
  const utils = render(
    <ToastProvider>
      <AttachmentsPanel noteId={NOTE} attachments={attachments} ensureNoteId={async () => NOTE} dropTarget={target} toolbarSlot={slot} />
    </ToastProvider>,
  );
  return { ...utils, target };
}

const originalXhr = globalThis.XMLHttpRequest;
beforeEach(() => {
  jest.resetAllMocks();
  FakeXhr.all = [];
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  api.declare.mockImplementation(async (_noteId, body) => declared(body));
});
afterEach(() => {
  globalThis.XMLHttpRequest = originalXhr;
  document.body.innerHTML = '';
});

it('uploads a picked file with a progress bar, then shows it ready', async () => {
  const user = userEvent.setup();
  api.getNote.mockResolvedValue({ noteId: NOTE, title: 't', content: '', version: 1, createdAt: '', updatedAt: '', tags: [], pinned: false, attachments: [{ ...declared({ fileName: 'report.pdf', contentType: 'application/pdf', size: 3 * MB }).attachment, attachmentId: 'a1', status: 'ready' }] });
  seq = 0;
  renderPanel();
  const attach = screen.getByRole('button', { name: 'Attach files' });
  expect(attach).toBeEnabled();
  await user.upload(screen.getByTestId('attachment-input'), bigFile('report.pdf', 3 * MB, 'application/pdf'));

  expect(api.declare).toHaveBeenCalledWith(NOTE, { fileName: 'report.pdf', contentType: 'application/pdf', size: 3 * MB });
  const xhr = FakeXhr.all[0]!;
  expect(xhr.method).toBe('POST');
  expect(xhr.url).toBe('http://s3.test/bucket');
  // Every signed field first, the file last.
  expect([...xhr.body!.keys()]).toEqual(['key', 'Content-Type', 'Policy', 'file']);

  act(() => xhr.progress(1.5 * MB, 3 * MB));
  const bar = screen.getByRole('progressbar', { name: 'Uploading report.pdf' });
  expect(bar).toHaveAttribute('aria-valuenow', '50');
  expect(screen.getByText('Uploading 50%')).toBeInTheDocument();

  await act(async () => xhr.respond(204));
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  expect(screen.getByText('Processing…')).toBeInTheDocument();
  expect(await screen.findByText('Ready', undefined, { timeout: 3000 })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Download report.pdf' })).toBeInTheDocument();
});

it('says why a file is refused before uploading it', async () => {
  const user = userEvent.setup();
  renderPanel();
  await user.upload(screen.getByTestId('attachment-input'), bigFile('big.iso', 12.3 * MB, 'application/octet-stream'));
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('This file wasn’t attached');
  expect(alert).toHaveTextContent('big.iso is 12.3 MB — files can be at most 10 MB.');
  expect(api.declare).not.toHaveBeenCalled();
  expect(FakeXhr.all).toHaveLength(0);
  await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

it('a failed upload can be retried', async () => {
  const user = userEvent.setup();
  api.remove.mockResolvedValue(undefined);
  renderPanel();
  await user.upload(screen.getByTestId('attachment-input'), bigFile('photo.jpg', 2 * MB, 'image/jpeg'));
  await act(async () => FakeXhr.all[0]!.respond(403, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'));
  expect(screen.getByText('Upload failed')).toBeInTheDocument();
  expect(screen.getByText('The upload link expired. Retry to get a new one.')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Retry uploading photo.jpg' }));
  expect(api.declare).toHaveBeenCalledTimes(2);
  expect(FakeXhr.all).toHaveLength(2);
  act(() => FakeXhr.all[1]!.progress(0.5 * MB, 2 * MB));
  expect(screen.getByRole('progressbar', { name: 'Uploading photo.jpg' })).toHaveAttribute('aria-valuenow', '25');
});

it('accepts files dropped on the note, with a visible drop zone while dragging', async () => {
  const { target } = renderPanel();
  const file = bigFile('notes.txt', 20, 'text/plain');
  const dataTransfer = { types: ['Files'], files: [file], items: [{ kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => ({ isDirectory: false }) }], dropEffect: 'none' };
  const fire = (type: string) => {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    act(() => {
      target.dispatchEvent(event);
    });
    return event;
  };
  fire('dragenter');
  expect(screen.getByText('Drop to attach')).toBeInTheDocument();
  expect(fire('dragover').defaultPrevented).toBe(true);
  await act(async () => {
    fire('drop');
  });
  expect(screen.queryByText('Drop to attach')).not.toBeInTheDocument();
  expect(api.declare).toHaveBeenCalledWith(NOTE, { fileName: 'notes.txt', contentType: 'text/plain', size: 20 });
});

it('deletes a ready attachment after confirming', async () => {
  const user = userEvent.setup();
  api.remove.mockResolvedValue(undefined);
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  renderPanel([{ attachmentId: 'r1', fileName: 'receipt.pdf', contentType: 'application/pdf', size: 48_213, status: 'ready', createdAt: new Date().toISOString() }]);
  expect(screen.getByText('47 KB')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Delete receipt.pdf' }));
  expect(screen.getByText('“receipt.pdf” will be deleted for good.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  expect(api.remove).toHaveBeenCalledWith(NOTE, 'r1');
  expect(screen.queryByText('receipt.pdf')).not.toBeInTheDocument();
});
