import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '../../../src/components/ui/copy-button';

describe('CopyButton', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says "Copied" for the text it copied, and not once it stands for another text', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn((text: string) => Promise.resolve(void text));
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { rerender } = render(<CopyButton text="aaaa" label="Copy hash aaaa" />);
    const icon = () => screen.getByRole('button').querySelector('path')?.getAttribute('d');
    const copyIcon = icon();
    await user.click(screen.getByRole('button', { name: 'Copy hash aaaa' }));
    expect(writeText).toHaveBeenCalledWith('aaaa');
    expect(screen.getByRole('button', { name: 'Copy hash aaaa' })).toHaveAttribute('title', 'Copied');
    // The icon turns into a check mark, and back for another text.
    expect(icon()).not.toBe(copyIcon);
    // A virtualised table reuses the button for the spec now in that row.
    rerender(<CopyButton text="bbbb" label="Copy hash bbbb" />);
    expect(screen.getByRole('button', { name: 'Copy hash bbbb' })).toHaveAttribute('title', 'Copy hash bbbb');
    expect(icon()).toBe(copyIcon);
  });

  it('says "Copy failed" when the clipboard refuses and the fallback fails', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('isSecureContext', false);
    document.execCommand = vi.fn(() => false);
    render(<CopyButton text="x" label="Copy x" />);
    await user.click(screen.getByRole('button', { name: 'Copy x' }));
    expect(screen.getByRole('button', { name: 'Copy x' })).toHaveAttribute('title', 'Copy failed');
  });

  it('shows the outcome for 1.5 s, and leaves no timer behind once removed', async () => {
    vi.useFakeTimers();
    try {
      const writeText = vi.fn((text: string) => Promise.resolve(void text));
      vi.stubGlobal('isSecureContext', true);
      vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
      const { unmount } = render(<CopyButton text="aaaa" label="Copy hash aaaa" />);
      const button = screen.getByRole('button', { name: 'Copy hash aaaa' });
      await act(async () => {
        fireEvent.click(button);
        await Promise.resolve();
      });
      expect(button).toHaveAttribute('title', 'Copied');
      act(() => vi.advanceTimersByTime(1499));
      expect(button).toHaveAttribute('title', 'Copied');
      act(() => vi.advanceTimersByTime(1));
      expect(button).toHaveAttribute('title', 'Copy hash aaaa');
      await act(async () => {
        fireEvent.click(button);
        await Promise.resolve();
      });
      expect(vi.getTimerCount()).toBe(1);
      unmount();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
