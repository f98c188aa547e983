import { fireEvent, render, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { citation } from '../test/fixtures.ts';
import { CitationMarker } from './CitationMarker.tsx';

describe('CitationMarker', () => {
  it('opens the quote with the source title, date and link, and closes back to the marker', () => {
    const { getByRole, unmount } = render(() => <CitationMarker citation={citation()} n={2} />);
    try {
      const marker = getByRole('button', { name: 'Source 2: A study guide' });
      expect(marker.textContent).toBe('[2]');
      fireEvent.click(marker);
      const dialog = getByRole('dialog', { name: 'Source: A study guide' });
      expect(dialog.querySelector('blockquote')?.textContent).toBe('The exam costs $300.');
      const link = within(dialog).getByRole('link', { name: 'A study guide' });
      expect(link.getAttribute('href')).toBe('https://example.com/guide');
      expect(link.getAttribute('rel')).toContain('noopener');
      expect(dialog.textContent).toContain('24 May 2025');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
      expect(dialog.hasAttribute('open')).toBe(false);
      expect(document.activeElement).toBe(marker);
    } finally {
      unmount();
    }
  });

  it('renders markup in a quote or title as text and never links a javascript: URL', () => {
    const hostile = citation({
      title: '<img src=x onerror="window.__pwned=1">',
      quote: '<script>window.__pwned=1</script><b>bold</b>',
      url: 'javascript:window.__pwned=1',
    });
    const { getByRole, unmount } = render(() => <CitationMarker citation={hostile} n={1} />);
    try {
      fireEvent.click(getByRole('button'));
      const dialog = getByRole('dialog');
      expect(dialog.querySelector('script, img, b')).toBeNull();
      expect(dialog.querySelector('blockquote')?.textContent).toBe('<script>window.__pwned=1</script><b>bold</b>');
      expect(dialog.querySelector('a')).toBeNull();
      expect(dialog.textContent).toContain('<img src=x onerror="window.__pwned=1">');
      expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    } finally {
      unmount();
    }
  });
});
