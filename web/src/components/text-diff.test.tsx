import { render, screen, within } from '@testing-library/react';
import TextDiff, { sideBySide } from './text-diff';

describe('sideBySide', () => {
  it('faces a changed run of lines with its replacement and keeps the unchanged ones on both sides', () => {
    expect(sideBySide('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
      [{ text: 'a', change: 'same' }, { text: 'a', change: 'same' }],
      [{ text: 'b', change: 'removed' }, { text: 'B', change: 'added' }],
      [{ text: 'c', change: 'same' }, { text: 'c', change: 'same' }],
      [null, { text: 'd', change: 'added' }],
    ]);
  });

  it('leaves the other side empty for lines only removed', () => {
    expect(sideBySide('a\nb\n', 'a\n')).toEqual([
      [{ text: 'a', change: 'same' }, { text: 'a', change: 'same' }],
      [{ text: 'b', change: 'removed' }, null],
    ]);
  });
});

describe('TextDiff', () => {
  it('is a captioned table whose changes are named in words, not only colors', () => {
    render(<TextDiff caption="Theirs and mine" before={{ label: 'Theirs', text: 'Milk\nEggs' }} after={{ label: 'Mine', text: 'Milk\nBread' }} />);
    const table = screen.getByRole('table', { name: 'Theirs and mine' });
    expect(within(table).getByRole('columnheader', { name: 'Theirs' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: /Removed: Eggs/ })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: /Added: Bread/ })).toBeInTheDocument();
  });

  it('says when the texts are the same', () => {
    render(<TextDiff caption="Compare" before={{ label: 'A', text: 'same' }} after={{ label: 'B', text: 'same' }} />);
    expect(screen.getByText('The texts are the same.')).toBeInTheDocument();
  });
});
