/**
 * The browser half of a presigned S3 POST: a multipart form with every field the API signed,
 * then the file last (S3 ignores fields after `file`). XMLHttpRequest, not fetch, because only
 * XHR reports upload progress.
 */
export interface UploadTarget {
  uploadUrl: string;
  uploadFields: Record<string, string>;
}

export interface UploadHandle {
  done: Promise<void>;
  abort(): void;
}

/** How a file gets to storage; the queue takes it as a parameter so tests can fake it. */
export type Uploader = (target: UploadTarget, file: Blob, onProgress: (loaded: number, total: number) => void) => UploadHandle;

export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    message: string,
    /** HTTP status from storage; 0 for network errors, -1 when aborted. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** S3 answers errors as XML: `<Error><Code>EntityTooLarge</Code><Message>…</Message></Error>`. */
function s3ErrorMessage(xhr: XMLHttpRequest): string {
  const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  if (code === 'EntityTooLarge') return 'The file is bigger than declared.';
  if (code === 'AccessDenied' && /expired/i.test(text)) return 'The upload link expired. Retry to get a new one.';
  if (xhr.status === 403) return 'Storage refused the upload. Retry to get a new link.';
  return `Storage refused the upload (${code ?? xhr.status}).`;
}

export const xhrUpload: Uploader = (target, file, onProgress) => {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.uploadFields)) form.append(name, value);
    form.append('file', file);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new UploadError(s3ErrorMessage(xhr), xhr.status));
    };
    xhr.onerror = () => reject(new UploadError("The upload didn't go through. Check your connection and retry.", 0));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new UploadError('Upload cancelled.', -1));
    xhr.open('POST', target.uploadUrl);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
};
