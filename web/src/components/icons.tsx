/* A handful of inline icons (no icon pack): 16px, stroke = currentColor. */
import type { ReactNode, SVGProps } from 'react';

/** An icon of `shape` in the shared look; feature chunks build their own icons with it. */
export function strokeIcon(shape: ReactNode) {
  return function Icon(props: SVGProps<SVGSVGElement>) {
    return (
      <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable={false} {...props}>
        {shape}
      </svg>
    );
  };
}

export const PlusIcon = strokeIcon(<path d="M8 3.5v9M3.5 8h9" />);
export const LinkIcon = strokeIcon(<path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 01-3.5-3.5L5.5 8" />);
export const SearchIcon = strokeIcon(<><circle cx="7" cy="7" r="4.25" /><path d="m10.25 10.25 3 3" /></>);
export const TrashIcon = strokeIcon(<path d="M2.75 4.25h10.5M6.25 4.25V3a.75.75 0 0 1 .75-.75h2a.75.75 0 0 1 .75.75v1.25M4 4.25l.6 8.4a1 1 0 0 0 1 .93h4.8a1 1 0 0 0 1-.93l.6-8.4" />);
export const SettingsIcon = strokeIcon(<><circle cx="8" cy="8" r="2" /><path d="M8 1.75v1.5M8 12.75v1.5M1.75 8h1.5M12.75 8h1.5M3.6 3.6l1.05 1.05M11.35 11.35l1.05 1.05M3.6 12.4l1.05-1.05M11.35 4.65l1.05-1.05" /></>);
export const NoteIcon = strokeIcon(<><path d="M4 2.25h5.5L12.75 5.5v7.25a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V3.25a1 1 0 0 1 1-1Z" /><path d="M9.25 2.5v3.25h3.25M5.5 8.5h5M5.5 11h3.5" /></>);
export const ArrowLeftIcon = strokeIcon(<path d="M12.5 8h-9M7.5 4l-4 4 4 4" />);
export const RestoreIcon = strokeIcon(<path d="M3 8a5 5 0 1 0 1.5-3.55M3 2.75V5.5h2.75" />);
export const AlertIcon = strokeIcon(<><path d="M8 5.25V8.5M8 10.75v.01" /><path d="M6.9 2.6 1.9 11.6a1.25 1.25 0 0 0 1.1 1.9h10a1.25 1.25 0 0 0 1.1-1.9l-5-9a1.25 1.25 0 0 0-2.2 0Z" /></>);
export const InfoIcon = strokeIcon(<><circle cx="8" cy="8" r="6.25" /><path d="M8 7.25v3.5M8 5.25v.01" /></>);
export const CheckIcon = strokeIcon(<path d="m3.5 8.5 3 3 6-7" />);
export const PinIcon = strokeIcon(<path d="M6 2.5h4M7 2.5v4L4.5 9h7L9 6.5v-4M8 9v4.5" />);
export const CloseIcon = strokeIcon(<path d="m4 4 8 8M12 4l-8 8" />);
export const SignOutIcon = strokeIcon(<path d="M6.25 13.25H3.75a1 1 0 0 1-1-1v-8.5a1 1 0 0 1 1-1h2.5M10.5 11l3-3-3-3M13.25 8H6.5" />);
export const Logo = (p: SVGProps<SVGSVGElement>) => (
  <svg width={22} height={22} viewBox="0 0 24 24" aria-hidden focusable={false} {...p}>
    <rect x="1" y="1" width="22" height="22" rx="6.5" fill="var(--color-accent)" />
    <path d="M8 7.5h8M8 11.5h8M8 15.5h5" stroke="var(--color-on-accent)" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);
