import { focusPageWhenReady, titleForPath } from './route-title-focus';

it('names every route; a note is named by its editor', () => {
  expect(titleForPath('/sign-in')).toBe('Sign in');
  expect(titleForPath('/notes')).toBe('Notes');
  expect(titleForPath('/notes/new')).toBe('New note');
  expect(titleForPath('/notes/3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11')).toBeNull();
  expect(titleForPath('/trash')).toBe('Trash');
  expect(titleForPath('/nowhere')).toBe('Page not found');
});

describe('focusPageWhenReady', () => {
  beforeEach(() => {
    document.body.innerHTML = '<header><a href="/trash" id="nav">Trash</a></header><main></main>';
    document.getElementById('nav')!.focus();
  });

  it('focuses the page heading once the (lazy) page renders it', async () => {
    focusPageWhenReady();
    const h1 = document.createElement('h1');
    h1.textContent = 'Trash';
    document.querySelector('main')!.append(h1);
    await new Promise((resolve) => setTimeout(resolve, 0)); // MutationObserver callbacks
    expect(document.activeElement).toBe(h1);
    expect(h1.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves focus where the page put it (the editor)', async () => {
    focusPageWhenReady();
    document.querySelector('main')!.innerHTML = '<h1>Notes</h1><textarea></textarea>';
    document.querySelector('textarea')!.focus();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(document.querySelector('textarea'));
  });

  it('leaves focus on a control a notification took it to (Undo after a delete)', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div data-keeps-focus><button id="undo">Undo</button></div>');
    document.getElementById('undo')!.focus();
    focusPageWhenReady();
    document.querySelector('main')!.innerHTML = '<h1>Notes</h1>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(document.getElementById('undo'));
  });
});
