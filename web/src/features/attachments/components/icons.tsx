/* Icons only the attachments chunk uses (same 16px stroke style as components/icons). */
import { strokeIcon } from '../../../components/icons';

export const PaperclipIcon = strokeIcon(<path d="m13.1 7.4-5.2 5.2a3.1 3.1 0 0 1-4.4-4.4l5.6-5.6a2.05 2.05 0 0 1 2.9 2.9L6.4 11.1a1 1 0 0 1-1.45-1.45l4.8-4.8" />);
export const DownloadIcon = strokeIcon(<path d="M8 2.5v7.75M4.75 7 8 10.25 11.25 7M3 13.25h10" />);
export const UploadIcon = strokeIcon(<path d="M8 10.5V2.75M4.75 6 8 2.75 11.25 6M3 13.25h10" />);
